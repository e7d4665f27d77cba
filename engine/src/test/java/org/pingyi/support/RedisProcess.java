package org.pingyi.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pingyi.store.FreePort;

/**
 * One redis-server (or sentinel) of a test's own, on a free port of 127.0.0.1, in a process the test can stop,
 * SIGKILL, freeze (SIGSTOP) and thaw; {@link #cli} runs redis-cli against it.
 */
public final class RedisProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private RedisProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** {@code redis-server} with {@code args} after the port, logging to {@code dir}. */
  public static RedisProcess start(Path dir, String... args) throws Exception {
    int port = FreePort.find();
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--logfile", dir.resolve(port + ".log").toString()));
    command.addAll(List.of(args));
    return started(new ProcessBuilder(command), port);
  }

  /** {@code redis-server <config> --sentinel}, the config naming the port {@code port}. */
  public static RedisProcess sentinel(Path config, int port) throws Exception {
    return started(new ProcessBuilder("redis-server", config.toString(), "--sentinel"), port);
  }

  private static RedisProcess started(ProcessBuilder builder, int port) throws Exception {
    RedisProcess redis = new RedisProcess(builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start(), port);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!redis.cli("PING").equals("PONG")) {
      if (System.nanoTime() > deadline || !redis.process.isAlive()) {
        redis.close();
        throw new IllegalStateException("redis on port " + port + " did not start");
      }
      Thread.sleep(50);
    }
    return redis;
  }

  public int port() {
    return port;
  }

  /** redis-cli's answer (trimmed), or "" when nothing answers. */
  public String cli(String... args) throws Exception {
    return cli(port, args);
  }

  public static String cli(int port, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || out.startsWith("Could not connect")) {
      p.destroyForcibly();
      return "";
    }
    return out;
  }

  /** SIGKILL: the machine is gone, nothing is flushed or handed over. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGSTOP: the process still holds its connections but does nothing (a stalled machine or link). */
  public void freeze() throws Exception {
    signal("-STOP");
  }

  public void thaw() throws Exception {
    signal("-CONT");
  }

  private void signal(String signal) throws Exception {
    new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
  }

  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      thaw();
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
