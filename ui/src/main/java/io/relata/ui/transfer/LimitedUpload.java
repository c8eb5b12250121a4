package io.relata.ui.transfer;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The wizard's file, received into a temporary file of the server's own naming (the name a browser
 * sends is only shown), counted as it arrives and refused beyond {@link ImportView#MAX_BYTES}
 * however it is sent — the browser's limit alone could be passed by — and deleted when its upload
 * fails or is refused half-way.
 */
final class LimitedUpload implements UploadHandler {

  private final BiConsumer<String, Path> arrived;

  /**
   * @param arrived given each file that arrived whole, by the name it was sent with, in the
   *     screen's session
   */
  LimitedUpload(BiConsumer<String, Path> arrived) {
    this.arrived = arrived;
  }

  @Override
  public void handleUploadRequest(UploadEvent event) throws IOException {
    if (event.getFileSize() > ImportView.MAX_BYTES) {
      throw new IOException("the file is larger than an import from the screen takes");
    }
    Path file = Files.createTempFile("relata-import-", ".csv");
    try (InputStream in = event.getInputStream();
        OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        total += read;
        if (total > ImportView.MAX_BYTES) {
          throw new IOException("the file is larger than an import from the screen takes");
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException | RuntimeException e) {
      ImportView.delete(file);
      throw e;
    }
    String name = event.getFileName();
    event.getUI().access(() -> arrived.accept(name, file));
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
