package org.pingyi.outreach;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Demo and test stand-in for a provider: one line {"waveId","to","text"} per message in a file (never in
 * production). One file handle for the engine's life, so concurrent sends append in order instead of overwriting
 * each other at the same offset.
 */
public final class FileSmsSink implements SmsGateway {
  private final Vertx vertx;
  private final Path file;
  private Future<AsyncFile> opened;

  public FileSmsSink(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file.toAbsolutePath();
  }

  @Override
  public synchronized Future<Void> send(SmsMessage m) {
    if (opened == null) {
      opened = vertx.fileSystem().open(file.toString(), new OpenOptions().setAppend(true).setCreate(true).setWrite(true));
    }
    String line = new JsonObject().put("waveId", m.waveId()).put("to", m.to()).put("text", m.text()).encode() + "\n";
    return opened.compose(f -> f.write(Buffer.buffer(line)));
  }

  @Override
  public String describe() {
    return "file " + file;
  }
}
