package io.relata.platform.transfer;

/** The media types of files imported and exported. */
public final class TransferMedia {

  public static final String NDJSON = "application/x-ndjson";
  public static final String CSV = "text/csv";

  private TransferMedia() {}
}
