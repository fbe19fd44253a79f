package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import dev.kiln.core.Json;
import dev.kiln.vectorsearch.model.EndpointState;
import dev.kiln.vectorsearch.model.EndpointStatus;
import dev.kiln.vectorsearch.model.EndpointType;
import dev.kiln.vectorsearch.model.IndexStatus;
import dev.kiln.vectorsearch.model.IndexType;
import dev.kiln.vectorsearch.model.VectorIndex;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import dev.kiln.vectorsearch.model.VectorSearchEndpoint;
import dev.kiln.vectorsearch.model.WriteResult;
import dev.kiln.vectorsearch.model.WriteStatus;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What users see of the model package: the {@code *Def} types are hidden (their generated
 * immutables are the API), Jackson still reads and writes the models, helpers declared on the Defs
 * stay callable from other packages (this test lives outside {@code model}), and server enums follow
 * the one convention. Also the module descriptor.
 */
class ModelContractTest {
  private static final List<String> DEFS = List.of("EndpointStatusDef", "IndexStatusDef", "VectorIndexDef",
      "VectorQueryDef", "VectorQueryResultDef", "VectorSearchEndpointDef", "WriteResultDef");

  @Test
  void defTypesArePackagePrivateAndTheirImmutablesPublic() throws Exception {
    for (String def : DEFS) {
      Class<?> defType = Class.forName("dev.kiln.vectorsearch.model." + def);
      Class<?> immutable = Class.forName("dev.kiln.vectorsearch.model." + def.substring(0, def.length() - 3));
      assertFalse(Modifier.isPublic(defType.getModifiers()), def + " is public");
      assertTrue(Modifier.isPublic(immutable.getModifiers()), immutable + " is not public");
      assertSame(defType, immutable.getSuperclass());
    }
  }

  @Test
  void jacksonReadsAndWritesTheModels() throws Exception {
    String endpointJson = "{\"name\":\"ep\",\"endpoint_type\":\"STANDARD\","
        + "\"endpoint_status\":{\"state\":\"ONLINE\",\"message\":\"up\"},\"num_indexes\":2}";
    VectorSearchEndpoint endpoint = Json.mapper().readValue(endpointJson, VectorSearchEndpoint.class);
    assertEquals(endpoint, Json.mapper().readValue(Json.mapper().writeValueAsString(endpoint), VectorSearchEndpoint.class));
    assertEquals(EndpointState.ONLINE, endpoint.state());
    assertEquals(EndpointType.STANDARD, endpoint.endpointType());
    assertEquals("ONLINE", endpoint.rawState().orElseThrow());

    String indexJson = "{\"name\":\"main.docs.idx\",\"index_type\":\"DELTA_SYNC\","
        + "\"status\":{\"ready\":true,\"indexed_row_count\":5},\"delta_sync_index_spec\":{\"source_table\":\"t\"}}";
    VectorIndex index = Json.mapper().readValue(indexJson, VectorIndex.class);
    assertEquals(index, Json.mapper().readValue(Json.mapper().writeValueAsString(index), VectorIndex.class));
    assertTrue(index.isReady());
    assertEquals(IndexType.DELTA_SYNC, index.indexType());
    IndexStatus status = index.status().orElseThrow();
    assertEquals(5L, status.indexedRowCount().orElseThrow());
    EndpointStatus endpointStatus = Json.mapper().readValue("{\"state\":\"NEW_STATE\"}", EndpointStatus.class);
    assertEquals(EndpointState.UNKNOWN, endpointStatus.state());
    assertEquals("NEW_STATE", endpointStatus.rawState().orElseThrow());
  }

  @Test
  void helpersDeclaredOnTheDefsAreCallableFromOutsideTheModelPackage() {
    assertEquals(10_000, VectorQuery.MAX_RESULTS);
    VectorQuery q = VectorQuery.builder().addColumns("id").queryVector(0.5f, 1f).filters(Map.of("id <", 3)).build();
    assertTrue(q.hasFilters());
    assertEquals("{\"id <\":3}", q.effectiveFiltersJson().orElseThrow());
    assertEquals(List.of(0.5f, 1f), VectorQuery.builder().addColumns("id").queryVector(List.of(0.5d, 1d)).build().queryVector());
    assertFalse(VectorQueryResult.builder().rowCount(0).build().hasNextPage());
    WriteResult ok = WriteResult.builder().rawStatus("SUCCESS").successRowCount(1).build();
    assertTrue(ok.isComplete());
    assertSame(ok, ok.orThrow());
    assertEquals(WriteStatus.SUCCESS, ok.status());
  }

  @Test
  void serverEnumsFollowTheOneConvention() throws Exception {
    for (Class<? extends Enum<?>> type : List.of(EndpointState.class, EndpointType.class, IndexType.class, WriteStatus.class)) {
      Object unknown = type.getField("UNKNOWN").get(null);
      assertSame(unknown, type.getMethod("fromWire", String.class).invoke(null, "SOMETHING_NEW"), type.getSimpleName());
      assertSame(unknown, type.getMethod("fromWire", String.class).invoke(null, (Object) null), type.getSimpleName());
      for (Field constant : type.getFields()) {
        assertFalse(constant.isAnnotationPresent(JsonEnumDefaultValue.class),
            type.getSimpleName() + "." + constant.getName() + " keeps a dead @JsonEnumDefaultValue (models hold raw strings)");
      }
    }
    // Raw accessors are named raw<Field>() next to the typed ones.
    VectorIndex.class.getMethod("rawIndexType");
    VectorSearchEndpoint.class.getMethod("rawEndpointType");
    VectorSearchEndpoint.class.getMethod("rawState");
    EndpointStatus.class.getMethod("rawState");
    WriteResult.class.getMethod("rawStatus");
  }

  @Test
  void moduleExportsOnlyTheApiAndModelAndOpensThemToJacksonOnly() throws Exception {
    Path classes = Path.of(VectorSearchClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleReference ref = ModuleFinder.of(classes).findAll().stream().findFirst()
        .orElseThrow(() -> new AssertionError("no module descriptor in " + classes));
    ModuleDescriptor d = ref.descriptor();

    assertEquals("dev.kiln.vectorsearch", d.name());
    assertFalse(d.isAutomatic(), "module-info.class is present");
    assertEquals(Set.of("dev.kiln.vectorsearch", "dev.kiln.vectorsearch.model"),
        d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    assertEquals(Set.of("dev.kiln.vectorsearch.model", "dev.kiln.vectorsearch.internal"),
        d.opens().stream().map(ModuleDescriptor.Opens::source).collect(Collectors.toSet()));
    for (ModuleDescriptor.Opens o : d.opens()) {
      assertEquals(Set.of("com.fasterxml.jackson.databind"), o.targets(), o.toString());
    }
    ModuleDescriptor.Requires core = d.requires().stream().filter(r -> r.name().equals("dev.kiln.core")).findFirst().orElseThrow();
    assertTrue(core.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
    ModuleDescriptor.Requires immutables = d.requires().stream()
        .filter(r -> r.name().equals("org.immutables.value.annotations")).findFirst().orElseThrow();
    assertTrue(immutables.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }
}
