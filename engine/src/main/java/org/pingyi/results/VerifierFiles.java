package org.pingyi.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the verifier reads whatever it is given: strict UTF-8 (a malformed byte is a refusal, never a replacement
 * character), bounded sizes, ballots line by line with a bounded line length, so no file can make it run out of
 * memory or stop with anything but a verdict.
 */
final class VerifierFiles {
  static final long MAX_DOCUMENT_BYTES = 32L * 1024 * 1024;
  static final int MAX_LINE_CHARS = 64 * 1024;

  private VerifierFiles() {}

  /** The whole file as text, for results.json, the keys and the like. */
  static String text(Path file, String name) throws IOException {
    requireFile(file, name);
    if (Files.size(file) > MAX_DOCUMENT_BYTES) {
      throw VerifyRefusal.of(name + " is larger than " + MAX_DOCUMENT_BYTES / 1024 / 1024 + " MiB");
    }
    try {
      return decoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw VerifyRefusal.of(name + " is not UTF-8 text");
    }
  }

  static void requireFile(Path file, String name) {
    if (!Files.isRegularFile(file)) {
      throw VerifyRefusal.of(name + " (" + file + ") does not exist or is not a file");
    }
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The lines of an export, each without its "\n"; refuses a line past the length limit or bytes that are not UTF-8. */
  static final class Lines implements AutoCloseable {
    private final BufferedReader reader;
    private final String name;
    private long number;

    Lines(Path file, String name) throws IOException {
      requireFile(file, name);
      InputStream in = Files.newInputStream(file);
      this.reader = new BufferedReader(new InputStreamReader(in, decoder()), 1 << 16);
      this.name = name;
    }

    /** The next line, or null at the end. */
    String next() throws IOException {
      StringBuilder line = new StringBuilder(512);
      int c;
      try {
        while ((c = reader.read()) >= 0) {
          if (c == '\n') {
            number++;
            return line.toString();
          }
          if (line.length() >= MAX_LINE_CHARS) {
            throw VerifyRefusal.of(name + " line " + (number + 1) + ": longer than " + MAX_LINE_CHARS + " characters");
          }
          line.append((char) c);
        }
      } catch (CharacterCodingException e) {
        throw VerifyRefusal.of(name + " line " + (number + 1) + ": not UTF-8 text");
      }
      if (line.length() == 0) {
        return null;
      }
      number++;
      return line.toString();
    }

    long number() {
      return number;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
