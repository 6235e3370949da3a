package dev.eventdriven.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventdriven.Controller;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Credentials are passed through to the client, against servers that require them. */
class AuthenticationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static void roundTrip(NatsBridge a, NatsBridge b) {
        try (Controller c = Controller.builder("echo").on("echo", s -> {
            return s.value();
        }).build()) {
            c.run();
            b.expose("echo", c);
            NatsBridgeTest.flush(b);
            assertEquals("hi", a.remote("echo").request("echo", "hi", String.class).await(WAIT));
        }
    }

    @Test
    void userAndPassword() {
        try (NatsServer server = NatsServer.start("--user", "ed", "--pass", "s3cret")) {
            BridgeConnectionException refused = assertThrows(BridgeConnectionException.class, () -> NatsBridge
                    .builder().servers(server.url()).maxReconnects(0).build());
            assertTrue(refused.getMessage().contains(server.url()), refused.getMessage());
            assertThrows(BridgeConnectionException.class, () -> NatsBridge.builder().servers(server.url())
                    .userInfo("ed", "wrong".toCharArray()).maxReconnects(0).build());
            try (NatsBridge a = NatsBridge.builder().servers(server.url()).userInfo("ed", "s3cret".toCharArray())
                         .build();
                 NatsBridge b = NatsBridge.builder().servers(server.url()).userInfo("ed", "s3cret".toCharArray())
                         .build()) {
                roundTrip(a, b);
            }
        }
    }

    @Test
    void token() {
        try (NatsServer server = NatsServer.start("--auth", "t0ken")) {
            assertThrows(BridgeConnectionException.class, () -> NatsBridge.builder().servers(server.url())
                    .token("nope".toCharArray()).maxReconnects(0).build());
            try (NatsBridge a = NatsBridge.builder().servers(server.url()).token("t0ken".toCharArray()).build();
                 NatsBridge b = NatsBridge.builder().servers(server.url()).token("t0ken".toCharArray()).build()) {
                roundTrip(a, b);
            }
        }
    }

    @Test
    void tlsWithTheApplicationsSslContext(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // A self-signed certificate for 127.0.0.1, made with the JDK's keytool, written as PEM for the server.
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "nats", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        java.security.cert.Certificate cert = ks.getCertificate("nats");
        java.security.Key key = ks.getKey("nats", "changeit".toCharArray());
        java.util.Base64.Encoder pem = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'});
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        java.nio.file.Files.writeString(certPem, "-----BEGIN CERTIFICATE-----\n"
                + pem.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        java.nio.file.Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + pem.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("nats", cert);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLSv1.2");
        tls.init(null, tmf.getTrustManagers(), null);

        try (NatsServer server = NatsServer.start("--tls", "--tlscert", certPem.toString(), "--tlskey",
                keyPem.toString())) {
            assertThrows(BridgeConnectionException.class, () -> NatsBridge.builder().servers(server.url())
                    .maxReconnects(0).connectionTimeout(Duration.ofSeconds(2)).build());
            try (NatsBridge a = NatsBridge.builder().servers(server.url()).tls(tls).build();
                 NatsBridge b = NatsBridge.builder().servers(server.url()).tls(tls).build()) {
                roundTrip(a, b);
            }
        }
    }

    @Test
    void badCredentialArgumentsAreRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NatsBridge.builder().credentials(Path.of("/no/such/user.creds")));
        assertEquals("credentials: /no/such/user.creds (expected: an existing .creds file)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NatsBridge.builder().token(new char[0]));
        assertThrows(IllegalArgumentException.class, () -> NatsBridge.builder().userInfo(" ", new char[0]));
        assertThrows(IllegalArgumentException.class, () -> NatsBridge.builder().tls(null));
    }
}
