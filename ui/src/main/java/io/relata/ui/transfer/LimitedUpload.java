package io.relata.ui.transfer;

import com.vaadin.flow.server.streams.FileUploadHandler;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The wizard's file, received into a temporary file of the server's own naming (the name a browser
 * sends is only shown), refused by the server beyond {@link ImportView#MAX_BYTES} — the browser's
 * limit alone could be passed by — and deleted when its upload fails half-way.
 */
final class LimitedUpload extends FileUploadHandler {

  private LimitedUpload(BiConsumer<String, Path> arrived, AtomicReference<Path> receiving) {
    super(
        (metadata, file) -> arrived.accept(metadata.fileName(), file.toPath()),
        metadata -> {
          Path file = Files.createTempFile("relata-import-", ".csv");
          receiving.set(file);
          return file.toFile();
        });
    addTransferProgressListener(
        new TransferProgressListener() {
          @Override
          public void onError(TransferContext context, IOException reason) {
            // what was written of a failed upload is of no use to anyone
            Path partial = receiving.getAndSet(null);
            if (partial != null) {
              ImportView.delete(partial);
            }
          }
        });
  }

  /** An upload that gives each file that arrives whole, by the name it was sent with. */
  static LimitedUpload of(BiConsumer<String, Path> arrived) {
    return new LimitedUpload(arrived, new AtomicReference<>());
  }

  @Override
  public long getRequestSizeMax() {
    return ImportView.MAX_BYTES + 64 * 1024; // the file, and the request's own parts
  }

  @Override
  public long getFileSizeMax() {
    return ImportView.MAX_BYTES;
  }
}
