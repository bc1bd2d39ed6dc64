package dev.apisec.core.source;

/**
 * A file's text after decoding. {@code fallbackCharset} is non-null when the file was not valid UTF-8 and was read
 * with that charset instead (the caller turns it into a notification).
 */
public record DecodedText(String text, String fallbackCharset) {
}
