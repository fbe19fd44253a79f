package dev.kiln.emulator.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made at start with JDK classes only
 * (no keytool process): an EC P-256 key, an X.509 v3 certificate encoded by hand in DER and signed with
 * SHA256withECDSA. Gives the server's {@link SSLContext}, a client {@link SSLContext} that trusts it, and a
 * PKCS12 trust store file for clients configured by path (the JDBC driver, the official SDK).
 */
final class SelfSignedTls {
  static final String TRUST_STORE_PASSWORD = "kiln-local";
  private static final String ALIAS = "kiln-local";
  private static final String SUBJECT = "Kiln LocalWorkspace";
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
  private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
  private static final byte[] SUBJECT_ALT_NAME = oid(2, 5, 29, 17);

  private final X509Certificate certificate;
  private final SSLContext serverContext;
  private final SSLContext clientContext;
  private final KeyStore trusted;
  private Path trustStoreFile; // written on first use: storing PKCS12 costs PBE rounds

  private SelfSignedTls(X509Certificate certificate, SSLContext serverContext, SSLContext clientContext, KeyStore trusted) {
    this.certificate = certificate;
    this.serverContext = serverContext;
    this.clientContext = clientContext;
    this.trusted = trusted;
  }

  /** A fresh key and certificate valid from an hour ago for a year. */
  static SelfSignedTls generate(Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X509Certificate certificate = certificate(keys, now);

      // The server's key stays in memory: a PKCS12 key entry would cost seconds of PBE rounds at start.
      SSLContext server = SSLContext.getInstance("TLS");
      server.init(new KeyManager[] {new OneKeyManager(keys.getPrivate(), certificate)}, null, null);

      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, certificate);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, trustManagers.getTrustManagers(), null);
      return new SelfSignedTls(certificate, server, client, trusted);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("this JDK cannot make an EC P-256 certificate", e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  SSLContext serverContext() {
    return serverContext;
  }

  SSLContext clientContext() {
    return clientContext;
  }

  /** The PKCS12 trust store file (a temp file, written on the first call). */
  synchronized Path trustStore() {
    if (trustStoreFile == null) {
      try {
        Path file = Files.createTempFile("kiln-local-truststore", ".p12");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
          trusted.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        trustStoreFile = file;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("cannot write the trust store", e);
      }
    }
    return trustStoreFile;
  }

  /** Removes the trust store file, if it was written. */
  synchronized void delete() {
    if (trustStoreFile == null) {
      return;
    }
    try {
      Files.deleteIfExists(trustStoreFile);
    } catch (IOException e) {
      // A temp file marked deleteOnExit: it goes with the JVM anyway.
    }
  }

  /** Serves the one key and certificate, whatever the client asks for. */
  private static final class OneKeyManager extends X509ExtendedKeyManager {
    private final PrivateKey key;
    private final X509Certificate[] chain;

    OneKeyManager(PrivateKey key, X509Certificate certificate) {
      this.key = key;
      this.chain = new X509Certificate[] {certificate};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }
  }

  private static X509Certificate certificate(KeyPair keys, Instant now) throws GeneralSecurityException {
    byte[] name = sequence(set(sequence(COMMON_NAME, tlv(0x0C, SUBJECT.getBytes(StandardCharsets.UTF_8)))));
    byte[] algorithm = sequence(ECDSA_WITH_SHA256);
    byte[] altNames = sequence(
        tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)), // dNSName
        tlv(0x87, new byte[] {127, 0, 0, 1})); // iPAddress
    byte[] tbs = sequence(
        tlv(0xA0, integer(BigInteger.valueOf(2))), // version v3
        integer(new BigInteger(64, new java.security.SecureRandom()).setBit(62)),
        algorithm,
        name,
        sequence(utcTime(now.minus(1, ChronoUnit.HOURS)), utcTime(now.plus(365, ChronoUnit.DAYS))),
        name,
        keys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
        tlv(0xA3, sequence(sequence(SUBJECT_ALT_NAME, tlv(0x04, altNames)))));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] bits = new byte[signature.length + 1]; // BIT STRING: no unused bits
    System.arraycopy(signature, 0, bits, 1, signature.length);
    byte[] der = sequence(tbs, algorithm, tlv(0x03, bits));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  // ---- the DER encoding of the few ASN.1 types a certificate needs

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] utcTime(Instant instant) {
    return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  /** An OBJECT IDENTIFIER: the first two arcs in one byte, the rest base 128. */
  static byte[] oid(int... arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(arcs[0] * 40 + arcs[1]);
    for (int i = 2; i < arcs.length; i++) {
      int arc = arcs[i];
      int groups = Math.max(1, (32 - Integer.numberOfLeadingZeros(arc) + 6) / 7);
      for (int g = groups - 1; g >= 0; g--) {
        out.write(((arc >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
