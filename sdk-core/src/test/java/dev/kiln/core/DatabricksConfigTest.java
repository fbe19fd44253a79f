package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksConfigTest {
  @TempDir
  Path home;

  private void writeConfig(String text) throws IOException {
    Files.write(home.resolve(".databrickscfg"), text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void homeComesFromHomeBeforeUserHomeAndTheConfigFileFromDatabricksConfigFile(@TempDir Path other) {
    assertEquals(other, ConfigEnvironment.homeOf(env("HOME", other.toString())));
    assertEquals(java.nio.file.Paths.get(System.getProperty("user.home")), ConfigEnvironment.homeOf(env()));
    assertEquals(java.nio.file.Paths.get(System.getProperty("user.home")), ConfigEnvironment.homeOf(env("HOME", " ")));
    assertEquals(home.resolve(".databrickscfg"), ConfigEnvironment.of(env(), home).configFile());
    assertEquals(home.resolve("cfg/x.ini"),
        ConfigEnvironment.of(env("DATABRICKS_CONFIG_FILE", "~/cfg/x.ini"), home).configFile());
    assertEquals(other.resolve("abs.ini"),
        ConfigEnvironment.of(env("DATABRICKS_CONFIG_FILE", other.resolve("abs.ini").toString()), home).configFile());
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> DatabricksConfig.load(env("DATABRICKS_CONFIG_FILE", "~/cfg/x.ini"), home, null));
    assertTrue(e.getMessage().contains("of " + home.resolve("cfg/x.ini")), e.getMessage());
  }

  @Test
  void environmentAloneIsEnough() {
    DatabricksConfig c = DatabricksConfig.load(env("DATABRICKS_HOST", "adb-1.2.azuredatabricks.net/", "DATABRICKS_TOKEN", "dapi-x"), home, null);
    assertEquals("https://adb-1.2.azuredatabricks.net", c.host().toString());
    assertEquals("pat", c.credentials().authType());
    assertTrue(c.profile().isEmpty());
  }

  @Test
  void credentialChainOrderIsTokenThenOAuthThenAzure() {
    Map<String, String> all = env("DATABRICKS_HOST", "h.cloud.databricks.com",
        "DATABRICKS_TOKEN", "t", "DATABRICKS_CLIENT_ID", "c", "DATABRICKS_CLIENT_SECRET", "s",
        "ARM_TENANT_ID", "tn", "ARM_CLIENT_ID", "ac", "ARM_CLIENT_SECRET", "as");
    assertEquals("pat", DatabricksConfig.load(all, home, null).credentials().authType());
    all.remove("DATABRICKS_TOKEN");
    assertEquals("oauth-m2m", DatabricksConfig.load(all, home, null).credentials().authType());
    all.remove("DATABRICKS_CLIENT_SECRET");
    assertEquals("azure-client-secret", DatabricksConfig.load(all, home, null).credentials().authType());
  }

  @Test
  void databricksAzurePrefixedVariablesWorkToo() {
    DatabricksConfig c = DatabricksConfig.load(env("DATABRICKS_HOST", "adb-1.azuredatabricks.net",
        "DATABRICKS_AZURE_TENANT_ID", "t", "DATABRICKS_AZURE_CLIENT_ID", "c", "DATABRICKS_AZURE_CLIENT_SECRET", "s"), home, null);
    assertEquals("azure-client-secret", c.credentials().authType());
  }

  @Test
  void defaultProfileIsReadWhenTheEnvironmentIsIncomplete() throws IOException {
    writeConfig("; comment\n[DEFAULT]\nhost = https://dbc-1.cloud.databricks.com\ntoken = dapi-default\nwarehouse_id = wh-1\n\n"
        + "[prod]\nhost = https://prod.cloud.databricks.com\nclient_id = cid\nclient_secret = cs\ncluster_id = 0101-x\n");
    DatabricksConfig c = DatabricksConfig.load(env(), home, null);
    assertEquals("https://dbc-1.cloud.databricks.com", c.host().toString());
    assertEquals("pat", c.credentials().authType());
    assertEquals("wh-1", c.warehouseId().orElseThrow());
    assertEquals("DEFAULT", c.profile().orElseThrow());
  }

  @Test
  void namedProfileFromEnvironmentOrArgument() throws IOException {
    writeConfig("[DEFAULT]\nhost = https://a.cloud.databricks.com\ntoken = t\n[prod]\nhost = https://prod.cloud.databricks.com\n"
        + "client_id = cid\nclient_secret = cs\ncluster_id = 0101-x\n");
    DatabricksConfig viaEnv = DatabricksConfig.load(env("DATABRICKS_CONFIG_PROFILE", "prod"), home, null);
    assertEquals("https://prod.cloud.databricks.com", viaEnv.host().toString());
    assertEquals("oauth-m2m", viaEnv.credentials().authType());
    assertEquals("0101-x", viaEnv.clusterId().orElseThrow());
    DatabricksConfig viaArg = DatabricksConfig.load(env(), home, "prod");
    assertEquals("prod", viaArg.profile().orElseThrow());
  }

  @Test
  void environmentWinsOverTheProfileKeyByKey() throws IOException {
    writeConfig("[DEFAULT]\nhost = https://profile.cloud.databricks.com\ntoken = profile-token\n");
    DatabricksConfig c = DatabricksConfig.load(env("DATABRICKS_HOST", "https://env.cloud.databricks.com"), home, null);
    assertEquals("https://env.cloud.databricks.com", c.host().toString());
    assertEquals("pat", c.credentials().authType());
  }

  @Test
  void configFileLocationFromEnvironment() throws IOException {
    Path other = home.resolve("elsewhere.cfg");
    Files.write(other, "[DEFAULT]\nhost = https://x.cloud.databricks.com\ntoken = t\n".getBytes(StandardCharsets.UTF_8));
    DatabricksConfig c = DatabricksConfig.load(env("DATABRICKS_CONFIG_FILE", other.toString()), home, null);
    assertEquals("https://x.cloud.databricks.com", c.host().toString());
  }

  @Test
  void missingFileWithAnExplicitProfileIsAClearError() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksConfig.load(env(), home, "prod"));
    assertTrue(e.getMessage().contains("prod") && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void unknownProfileNamesTheOnesThatExist() throws IOException {
    writeConfig("[DEFAULT]\nhost = h.cloud.databricks.com\ntoken = t\n[dev]\nhost = d.cloud.databricks.com\ntoken = t\n");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksConfig.load(env(), home, "prod"));
    assertTrue(e.getMessage().contains("[DEFAULT, dev]"), e.getMessage());
  }

  @Test
  void malformedFileSaysWhereWithoutQuotingTheLine() throws IOException {
    writeConfig("[DEFAULT]\nhost = https://a.cloud.databricks.com\nthis-line-has-secret-dapi-123\n");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksConfig.load(env(), home, null));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertFalse(e.getMessage().contains("dapi-123"));
  }

  @Test
  void noHostAnywhereIsAClearError() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> DatabricksConfig.load(env("DATABRICKS_TOKEN", "t"), home, null));
    assertTrue(e.getMessage().contains("DATABRICKS_HOST"), e.getMessage());
  }

  @Test
  void noCredentialsAnywhereListsWhatWasTried() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> DatabricksConfig.load(env("DATABRICKS_HOST", "h.cloud.databricks.com"), home, null));
    assertTrue(e.getMessage().contains("DATABRICKS_TOKEN") && e.getMessage().contains("ARM_CLIENT_ID"), e.getMessage());
  }

  @Test
  void hostsAreNormalisedAndPlainHttpOnlyForLoopback() {
    assertEquals("https://adb-1.azuredatabricks.net", DatabricksConfig.of("https://ADB-1.azuredatabricks.net/?o=1#x", dummy()).host().toString());
    assertEquals("https://adb-1.azuredatabricks.net:8443", DatabricksConfig.of("adb-1.azuredatabricks.net:8443/", dummy()).host().toString());
    assertEquals("http://127.0.0.1:8080", DatabricksConfig.of("http://127.0.0.1:8080/", dummy()).host().toString());
    assertEquals("http://localhost:1", DatabricksConfig.of("http://localhost:1", dummy()).host().toString());
    assertEquals("http://[::1]:9", DatabricksConfig.of("http://[::1]:9", dummy()).host().toString());
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksConfig.of("http://adb-1.azuredatabricks.net", dummy()));
    assertTrue(e.getMessage().contains("https://adb-1.azuredatabricks.net"));
    assertThrows(ConfigurationException.class, () -> DatabricksConfig.of("ftp://x", dummy()));
    assertThrows(ConfigurationException.class, () -> DatabricksConfig.of(" ", dummy()));
  }

  @Test
  void toStringHidesCredentials() {
    DatabricksConfig c = DatabricksConfig.load(env("DATABRICKS_HOST", "h.cloud.databricks.com", "DATABRICKS_TOKEN", "dapi-very-secret"), home, null);
    assertFalse(c.toString().contains("dapi-very-secret"));
    assertTrue(c.toString().contains("auth=pat"));
  }

  private static dev.kiln.core.auth.CredentialsProvider dummy() {
    return dev.kiln.core.auth.Credentials.personalAccessToken("t");
  }
}
