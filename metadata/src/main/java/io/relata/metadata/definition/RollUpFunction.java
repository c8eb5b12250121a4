package io.relata.metadata.definition;

/** How a roll-up summarises child records. */
public enum RollUpFunction {
  COUNT,
  SUM,
  MIN,
  MAX
}
