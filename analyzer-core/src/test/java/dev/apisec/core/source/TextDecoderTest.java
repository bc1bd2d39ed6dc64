package dev.apisec.core.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextDecoderTest {

    @Test
    void utf8WithAndWithoutBom() {
        byte[] plain = "class Ä {}".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(plain)).isEqualTo(new DecodedText("class Ä {}", null));
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(TextDecoder.decode(bom).text()).isEqualTo("class Ä {}");
    }

    @Test
    void utf16Bom() {
        byte[] body = "class A {}".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        assertThat(TextDecoder.decode(withBom).text()).isEqualTo("class A {}");
    }

    @Test
    void invalidUtf8FallsBackToLatin1AndSaysSo() {
        byte[] latin1 = "class A { String s = \"Müller\"; }".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText decoded = TextDecoder.decode(latin1);
        assertThat(decoded.fallbackCharset()).isEqualTo("ISO-8859-1");
        assertThat(decoded.text()).contains("Müller");
    }
}
