package io.relata.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per data folder: a second one would unpack over the first one's runtime and fight
 * over its database. The operating system releases the lock when the process ends, however it ends.
 */
final class DataFolderLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataFolderLock acquire(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              dataDir.resolve("launcher.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new LaunchException(
            "another Relata is running with the data folder "
                + dataDir
                + "; stop it or set RELATA_DATA_DIR");
      }
      return new DataFolderLock(channel, lock);
    } catch (IOException e) {
      throw new LaunchException(
          "Cannot lock the data folder " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
