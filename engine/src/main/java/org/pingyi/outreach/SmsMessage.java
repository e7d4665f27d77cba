package org.pingyi.outreach;

/** One reminder to one phone. {@code messageId} (wave:representative) lets a provider drop a repeat after a crash. */
public record SmsMessage(String waveId, String messageId, String to, String text) {
  @Override
  public String toString() {
    return "SmsMessage[waveId=" + waveId + "]";
  }
}
