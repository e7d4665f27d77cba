package org.pingyi.outreach;

/**
 * One message to one phone. {@code messageId} (wave:representative, or a notice's own id such as
 * suggestion-answer:42:1) lets a provider drop a repeat after a crash; {@code waveId} is null outside a wave.
 */
public record SmsMessage(String waveId, String messageId, String to, String text) {
  @Override
  public String toString() {
    return "SmsMessage[waveId=" + waveId + "]";
  }
}
