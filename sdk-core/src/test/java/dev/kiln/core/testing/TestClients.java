package dev.kiln.core.testing;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.auth.Credentials;
import java.time.Duration;

/** Clients wired for MockWebServer tests: loopback host, a fixed token, a sleeper that never waits. */
public final class TestClients {
  public static final String TOKEN = "dapi-test-token-0123456789";

  private TestClients() {}

  /** {@code baseUrl} is e.g. {@code server.url("/").toString()}. */
  public static DatabricksClient forUrl(String baseUrl, FakeSleeper sleeper) {
    return builder(baseUrl, sleeper).build();
  }

  public static DatabricksClient.Builder builder(String baseUrl, FakeSleeper sleeper) {
    return DatabricksClient.builder()
        .host(baseUrl)
        .credentials(Credentials.personalAccessToken(TOKEN))
        .clock(sleeper.clock())
        .sleeper(sleeper)
        .readTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().jitter(0).build());
  }
}
