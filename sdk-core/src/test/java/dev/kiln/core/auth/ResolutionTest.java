package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.testing.CapturedLogs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auth_type, profile selection, the default chain's order and final message, describe(). */
class ResolutionTest {
  static final String HOST = "https://dbc-1.cloud.databricks.com";

  @TempDir
  Path dir;

  AuthFixture fx;

  @BeforeEach
  void setUp() {
    fx = new AuthFixture(dir);
    CapturedLogs.clear();
  }

  private String authType() {
    return fx.load().credentials().authType();
  }

  @Test
  void theDefaultChainGoesInItsDocumentedOrder() {
    fx.stub("az", "exit 1");
    fx.stub("databricks", "exit 1");
    fx.set("DATABRICKS_HOST", "https://adb-1.2.azuredatabricks.net", "DATABRICKS_TOKEN", "dapi-secret-1",
        "DATABRICKS_USERNAME", "u", "DATABRICKS_PASSWORD", "password-secret-1",
        "DATABRICKS_METADATA_SERVICE_URL", "http://127.0.0.1:1/md-secret",
        "DATABRICKS_CLIENT_ID", "cid", "DATABRICKS_CLIENT_SECRET", "client-secret-1", "ARM_USE_MSI", "true",
        "ARM_TENANT_ID", "t", "ARM_CLIENT_ID", "ac", "ARM_CLIENT_SECRET", "arm-secret-1");
    List<String[]> steps = List.of(
        new String[] {"pat", "DATABRICKS_TOKEN"},
        new String[] {"basic", "DATABRICKS_PASSWORD"},
        new String[] {"metadata-service", "DATABRICKS_METADATA_SERVICE_URL"},
        new String[] {"oauth-m2m", "DATABRICKS_CLIENT_SECRET"},
        new String[] {"azure-msi", "ARM_USE_MSI"},
        new String[] {"azure-client-secret", "ARM_CLIENT_SECRET"},
        new String[] {"azure-cli", "-az"},
        new String[] {"databricks-cli", "-"});
    assertEquals(AuthChain.DEFAULT_ORDER, steps.stream().map(s -> s[0]).collect(java.util.stream.Collectors.toList()));
    for (String[] step : steps) {
      assertEquals(step[0], authType(), "with " + fx.env.keySet());
      fx.env.remove(step[1]);
      if (step[1].equals("-az")) {
        fx.bin.resolve("az").toFile().delete(); // no az: the next method is reached
      }
    }
  }

  @Test
  void whenNothingAppliesTheErrorNamesEveryMethodAndWhyButNoSecret() {
    fx.set("DATABRICKS_HOST", HOST, "DATABRICKS_CLIENT_SECRET", "lonely-secret-value", "ARM_CLIENT_SECRET", "arm-lonely-secret");
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertEquals("no credentials found for " + HOST + ". Tried, in order: "
        + "pat: no token (DATABRICKS_TOKEN); "
        + "basic: no username and password (DATABRICKS_USERNAME, DATABRICKS_PASSWORD); "
        + "metadata-service: no metadata_service_url (DATABRICKS_METADATA_SERVICE_URL); "
        + "oauth-m2m: no client_id and client_secret (DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET); "
        + "azure-msi: azure_use_msi is not true (ARM_USE_MSI); "
        + "azure-client-secret: no azure_tenant_id, azure_client_id and azure_client_secret (ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET); "
        + "azure-cli: the host is not an Azure Databricks workspace and no azure_workspace_resource_id is set; "
        + "databricks-cli: `databricks` was not found on the PATH. "
        + "external-browser is used only with auth_type = external-browser. "
        + "See https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication", e.getMessage());
    AuthFixture.assertNoSecrets(List.of("lonely-secret-value", "arm-lonely-secret"), e.getMessage());
  }

  @Test
  void authTypePicksExactlyOneMethodFromTheEnvironmentOrTheProfile() {
    fx.stub("databricks", "exit 1");
    fx.set("DATABRICKS_HOST", HOST, "DATABRICKS_TOKEN", "dapi-x", "DATABRICKS_AUTH_TYPE", "databricks-cli");
    assertEquals("databricks-cli", authType());
    assertTrue(fx.load().describe().contains("auth = databricks-cli (chosen by auth_type)"), fx.load().describe());
    fx.env.remove("DATABRICKS_AUTH_TYPE");
    fx.env.remove("DATABRICKS_TOKEN");
    fx.env.remove("DATABRICKS_HOST");
    fx.config("[DEFAULT]\nhost = " + HOST + "\ntoken = dapi-y\nclient_id = c\nclient_secret = s\nauth_type = oauth-m2m\n");
    assertEquals("oauth-m2m", authType());
  }

  @Test
  void anUnknownAuthTypeNamesItselfAndTheKnownOnes() {
    fx.set("DATABRICKS_HOST", HOST, "DATABRICKS_TOKEN", "dapi-x", "DATABRICKS_AUTH_TYPE", "azure-clii");
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertEquals("unknown auth_type 'azure-clii' (DATABRICKS_AUTH_TYPE or auth_type in the profile); known: pat, basic, "
        + "metadata-service, oauth-m2m, azure-msi, azure-client-secret, azure-cli, databricks-cli, external-browser", e.getMessage());
    fx.set("DATABRICKS_AUTH_TYPE", "github-oidc");
    e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().startsWith("auth_type 'github-oidc' is an official Databricks method Kiln does not support"),
        e.getMessage());
    fx.set("DATABRICKS_AUTH_TYPE", "pat");
    fx.env.remove("DATABRICKS_TOKEN");
    fx.set("DATABRICKS_CLIENT_ID", "c", "DATABRICKS_CLIENT_SECRET", "s");
    e = assertThrows(ConfigurationException.class, fx::load);
    assertEquals("auth_type is pat but no token (DATABRICKS_TOKEN)", e.getMessage());
  }

  @Test
  void theProfileIsTheNamedOneThenDefaultProfileThenDefault() {
    fx.config("[__settings__]\ndefault_profile = staging\n\n[DEFAULT]\nhost = https://default.cloud.databricks.com\ntoken = a\n"
        + "[staging]\nhost = https://staging.cloud.databricks.com\ntoken = b\n[prod]\nhost = https://prod.cloud.databricks.com\ntoken = c\n");
    DatabricksConfig viaSettings = fx.load();
    assertEquals("staging", viaSettings.profile().orElseThrow());
    assertEquals("https://staging.cloud.databricks.com", viaSettings.host().toString());
    fx.set("DATABRICKS_CONFIG_PROFILE", "prod");
    assertEquals("prod", fx.load().profile().orElseThrow());
    assertEquals("DEFAULT", DatabricksConfig.load(fx.environment().build(), "DEFAULT").profile().orElseThrow());

    fx.config("[__settings__]\ndefault_profile = gone\n[DEFAULT]\nhost = h.cloud.databricks.com\ntoken = a\n");
    fx.env.remove("DATABRICKS_CONFIG_PROFILE");
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().startsWith("profile 'gone' (default_profile in [__settings__]) not found in "), e.getMessage());
    assertTrue(e.getMessage().endsWith("profiles there: [DEFAULT]"), e.getMessage());
    e = assertThrows(ConfigurationException.class, () -> DatabricksConfig.load(fx.environment().build(), "__settings__"));
    assertTrue(e.getMessage().contains("reserved"), e.getMessage());
  }

  @Test
  void theFileIsNotReadWhenTheEnvironmentConfiguresHostAndAuthAndNoProfileIsNamed() {
    fx.config("[DEFAULT]\nthis line is not valid\n");
    fx.set("DATABRICKS_HOST", HOST, "DATABRICKS_AUTH_TYPE", "pat", "DATABRICKS_TOKEN", "dapi-x");
    DatabricksConfig c = fx.load();
    assertFalse(c.profile().isPresent());
    fx.set("DATABRICKS_CONFIG_PROFILE", "DEFAULT"); // a named profile is always read
    assertThrows(ConfigurationException.class, fx::load);
  }

  @Test
  void describeSaysWhereEachSettingCameFromWithSecretsMasked() {
    fx.config("[DEFAULT]\nhost = " + HOST + "\nclient_id = cid-1\nclient_secret = profile-secret-value\nwarehouse_id = wh-1\n"
        + "custom_key = x\n");
    fx.set("DATABRICKS_CLIENT_SECRET", "env-secret-value", "HTTPS_PROXY", "http://proxyuser:proxy-pass-value@proxy.corp:3128",
        "NO_PROXY", ".internal");
    DatabricksConfig c = fx.load();
    String file = fx.home.resolve(".databrickscfg").toString();
    assertEquals("host = " + HOST + " (profile DEFAULT of " + file + ")\n"
        + "client_id = cid-1 (profile DEFAULT of " + file + ")\n"
        + "client_secret = *** (env DATABRICKS_CLIENT_SECRET)\n"
        + "warehouse_id = wh-1 (profile DEFAULT of " + file + ")\n"
        + "custom_key = x (profile DEFAULT of " + file + ")\n"
        + "auth = oauth-m2m (first to apply in the default chain; not applied: pat: no token (DATABRICKS_TOKEN); basic: no "
        + "username and password (DATABRICKS_USERNAME, DATABRICKS_PASSWORD); metadata-service: no metadata_service_url "
        + "(DATABRICKS_METADATA_SERVICE_URL))\n"
        + "proxy = HTTPS_PROXY=http://***@proxy.corp:3128, NO_PROXY=.internal (env)", c.describe());
    AuthFixture.assertNoSecrets(List.of("profile-secret-value", "env-secret-value", "proxy-pass-value", "proxyuser"),
        c.describe(), c.toString(), String.valueOf(c.proxySelector().orElseThrow()));
  }
}
