package dev.kiln.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedTlsTest {
  @Test
  void derPiecesEncodeAsX690Says() {
    assertArrayEquals(new byte[] {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02},
        SelfSignedTls.oid(1, 2, 840, 10045, 4, 3, 2));
    assertArrayEquals(new byte[] {0x06, 0x03, 0x55, 0x1D, 0x11}, SelfSignedTls.oid(2, 5, 29, 17));
    assertArrayEquals(new byte[] {0x04, 0x01, 0x07}, SelfSignedTls.tlv(0x04, new byte[] {7}));
    byte[] long200 = SelfSignedTls.tlv(0x04, new byte[200]);
    assertArrayEquals(new byte[] {0x04, (byte) 0x81, (byte) 200}, java.util.Arrays.copyOf(long200, 3));
    byte[] long300 = SelfSignedTls.tlv(0x04, new byte[300]);
    assertArrayEquals(new byte[] {0x04, (byte) 0x82, 0x01, 0x2C}, java.util.Arrays.copyOf(long300, 4));
    assertEquals(304, long300.length);
  }

  @Test
  void theCertificateIsSelfSignedForLoopbackAndTheTrustStoreHoldsIt() throws Exception {
    Instant now = Instant.parse("2026-05-01T12:00:00Z");
    SelfSignedTls tls = SelfSignedTls.generate(now);
    try {
      X509Certificate certificate = tls.certificate();
      certificate.verify(certificate.getPublicKey()); // signed by its own key
      certificate.checkValidity(java.util.Date.from(now));
      assertEquals(3, certificate.getVersion());
      assertEquals("CN=Kiln LocalWorkspace", certificate.getSubjectX500Principal().getName());
      assertEquals("SHA256withECDSA", certificate.getSigAlgName());
      List<String> names = new ArrayList<>();
      certificate.getSubjectAlternativeNames().forEach(name -> names.add(name.get(0) + "=" + name.get(1)));
      assertEquals(List.of("2=localhost", "7=127.0.0.1"), names);

      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(tls.trustStore())) {
        store.load(in, SelfSignedTls.TRUST_STORE_PASSWORD.toCharArray());
      }
      assertEquals(certificate, store.getCertificate("kiln-local"));
      assertTrue(store.isCertificateEntry("kiln-local"));
    } finally {
      tls.delete();
    }
    assertTrue(Files.notExists(tls.trustStore()));
  }
}
