package io.relata.platform.access;

import io.relata.metadata.model.CompiledModel;

/**
 * The compiled model of the current metadata revision, which access is decided against. The
 * metadata engine keeps it and provides it; access asks for it through this interface, so that it
 * does not depend on the engine (whose resources depend on access).
 */
public interface CurrentModel {

  CompiledModel current();
}
