package dev.kiln.execution;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.execution.model.AutoScale;
import dev.kiln.execution.model.AzureAttributes;
import dev.kiln.execution.model.ClusterEvent;
import dev.kiln.execution.model.ClusterEventType;
import dev.kiln.execution.model.ClusterEventsQuery;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterListFilter;
import dev.kiln.execution.model.ClusterSpec;
import dev.kiln.execution.model.ClusterState;
import dev.kiln.execution.model.DataSecurityMode;
import dev.kiln.execution.model.NodeType;
import dev.kiln.execution.model.SparkVersion;
import dev.kiln.execution.model.TerminationType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Clusters API call on the wire (method, path, query, body), the handle's terminal states, paging and bad input. */
class ClustersApiTest {
  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  ClustersClient clusters;

  @BeforeEach
  void start() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    clusters = ClustersClient.create(db, ExecutionOptions.builder().clusterReadyTimeout(Duration.ofMinutes(5)).build());
  }

  @AfterEach
  void stop() {
    db.close();
  }

  static String cluster(String id, String state, String rest) {
    return "{'cluster_id':'" + id + "','state':'" + state + "'" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  @Test
  void createSendsTheWholeSpecAndTheHandleWaitsForRunning() {
    server.enqueue(ok("{'cluster_id':'c-1'}"));
    server.enqueue(ok(cluster("c-1", "PENDING", "")));
    server.enqueue(ok(cluster("c-1", "RUNNING", "'num_workers':2,'autoscale':{'min_workers':1,'max_workers':4},"
        + "'custom_tags':{'team':'tax'},'data_security_mode':'SINGLE_USER','single_user_name':'ana@example.com',"
        + "'azure_attributes':{'availability':'SPOT_WITH_FALLBACK_AZURE','first_on_demand':1,'spot_bid_max_price':-1.0}")));

    ClusterHandle handle = clusters.create(ClusterSpec.builder()
        .clusterName("etl")
        .sparkVersion("15.4.x-scala2.12")
        .nodeTypeId("Standard_DS3_v2")
        .autoscale(AutoScale.of(1, 4))
        .autoterminationMinutes(30)
        .putSparkConf("spark.sql.shuffle.partitions", "8")
        .putCustomTags("team", "tax")
        .azureAttributes(AzureAttributes.builder().availability("SPOT_WITH_FALLBACK_AZURE").firstOnDemand(1).spotBidMaxPrice(-1).build())
        .dataSecurityMode(DataSecurityMode.SINGLE_USER)
        .singleUserName("ana@example.com")
        .policyId("pol-1")
        .build());
    ClusterInfo running = handle.await();

    expectJsonPost(server, "/api/2.1/clusters/create", "{'cluster_name':'etl','spark_version':'15.4.x-scala2.12',"
        + "'node_type_id':'Standard_DS3_v2','autoscale':{'min_workers':1,'max_workers':4},'autotermination_minutes':30,"
        + "'spark_conf':{'spark.sql.shuffle.partitions':'8'},'custom_tags':{'team':'tax'},"
        + "'azure_attributes':{'availability':'SPOT_WITH_FALLBACK_AZURE','first_on_demand':1,'spot_bid_max_price':-1.0},"
        + "'data_security_mode':'SINGLE_USER','single_user_name':'ana@example.com','policy_id':'pol-1'}");
    expectGet(server, "/api/2.1/clusters/get?cluster_id=c-1");
    expectGet(server, "/api/2.1/clusters/get?cluster_id=c-1");
    assertEquals("c-1", handle.id());
    assertEquals(ClusterState.RUNNING, handle.status());
    assertEquals(AutoScale.of(1, 4), running.autoscale().orElseThrow());
    assertEquals(Map.of("team", "tax"), running.customTags());
    assertEquals(DataSecurityMode.SINGLE_USER, running.dataSecurityMode().orElseThrow());
    assertEquals(-1.0, running.azureAttributes().orElseThrow().spotBidMaxPrice().getAsDouble());
  }

  @Test
  void fixedSizeAndCloudAttributesGoOutAsWritten() {
    server.enqueue(ok("{'cluster_id':'c-2'}"));
    server.enqueue(ok(cluster("c-2", "RUNNING", "")));

    clusters.create(ClusterSpec.builder().sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge").numWorkers(0)
        .awsAttributes(dev.kiln.execution.model.AwsAttributes.builder().availability("SPOT").zoneId("auto").build())
        .build()).await();

    expectJsonPost(server, "/api/2.1/clusters/create",
        "{'spark_version':'15.4.x-scala2.12','node_type_id':'i3.xlarge','num_workers':0,"
        + "'aws_attributes':{'availability':'SPOT','zone_id':'auto'}}");
  }

  @Test
  void handleFailsWithTheTerminationReasonOnTerminated() {
    server.enqueue(ok("{}"));
    server.enqueue(ok(cluster("c-1", "TERMINATED", "'state_message':'Cloud provider launch failure',"
        + "'termination_reason':{'code':'CLOUD_PROVIDER_LAUNCH_FAILURE','type':'CLOUD_FAILURE',"
        + "'parameters':{'azure_error_code':'OperationNotAllowed'}}")));

    ClusterHandle handle = clusters.start("c-1");
    ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class, handle::await);

    expectJsonPost(server, "/api/2.1/clusters/start", "{'cluster_id':'c-1'}");
    assertEquals("c-1", e.operationId());
    assertEquals(ClusterState.TERMINATED, e.state());
    assertEquals("CLOUD_PROVIDER_LAUNCH_FAILURE", e.terminationReason().orElseThrow().code().orElseThrow());
    assertEquals(TerminationType.CLOUD_FAILURE, e.terminationReason().orElseThrow().type());
    assertTrue(e.getMessage().contains("CLOUD_PROVIDER_LAUNCH_FAILURE (CLOUD_FAILURE): azure_error_code=OperationNotAllowed"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Cloud provider launch failure"), e.getMessage());
  }

  @Test
  void handleFailsOnError() {
    server.enqueue(ok("{}"));
    server.enqueue(ok(cluster("c-1", "RESTARTING", "")));
    server.enqueue(ok(cluster("c-1", "ERROR", "'state_message':'driver unreachable'")));

    ClusterHandle handle = clusters.restart("c-1");
    ClusterUnavailableException e = assertThrows(ClusterUnavailableException.class, handle::await);

    expectJsonPost(server, "/api/2.1/clusters/restart", "{'cluster_id':'c-1'}");
    assertEquals(ClusterState.ERROR, e.state());
    assertEquals("driver unreachable", e.stateMessage().orElseThrow());
  }

  @Test
  void terminatingAndUnknownKeepWaitingUntilTheTimeout() {
    server.enqueue(ok("{}"));
    for (int i = 0; i < 200; i++) {
      server.enqueue(ok(cluster("c-1", i % 2 == 0 ? "TERMINATING" : "SOMETHING_NEW", "")));
    }
    ClusterHandle handle = clusters.resize("c-1", 3);

    assertThrows(OperationTimeoutException.class, handle::await);
    expectJsonPost(server, "/api/2.1/clusters/resize", "{'cluster_id':'c-1','num_workers':3}");
    assertEquals(ClusterState.UNKNOWN, ClusterState.fromWire("SOMETHING_NEW"));
    assertTrue(sleeper.clock().instant().isAfter(Instant.EPOCH.plus(Duration.ofMinutes(4))) || sleeper.sleeps().size() > 20);
  }

  @Test
  void resizeToAnAutoscaleRange() {
    server.enqueue(ok("{}"));
    server.enqueue(ok(cluster("c-1", "RESIZING", "")));
    server.enqueue(ok(cluster("c-1", "RUNNING", "")));

    assertEquals(ClusterState.RUNNING, clusters.resize("c-1", AutoScale.of(2, 8)).await().state());
    expectJsonPost(server, "/api/2.1/clusters/resize", "{'cluster_id':'c-1','autoscale':{'min_workers':2,'max_workers':8}}");
  }

  @Test
  void cancellingTheHandleTerminatesTheCluster() throws Exception {
    sleeper.hold();
    server.enqueue(ok("{'cluster_id':'c-9'}"));
    server.enqueue(ok("{}"));
    ClusterHandle handle = clusters.create(ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").build());
    Wire.take(server);

    handle.resultAsync().cancel(true);

    expectJsonPost(server, "/api/2.1/clusters/delete", "{'cluster_id':'c-9'}");
  }

  @Test
  void editSendsTheSpecWithTheId() {
    server.enqueue(ok("{}"));

    clusters.edit("c-1", ClusterSpec.builder().sparkVersion("15.4.x-scala2.12").nodeTypeId("n").numWorkers(4).build());

    expectJsonPost(server, "/api/2.1/clusters/edit",
        "{'cluster_id':'c-1','spark_version':'15.4.x-scala2.12','node_type_id':'n','num_workers':4}");
  }

  @Test
  void editOnAStartingClusterIsInvalidState() {
    server.enqueue(Wire.error(400, "{'error_code':'INVALID_STATE','message':'Cluster c-1 is in unexpected state Pending.'}"));

    assertThrows(InvalidStateException.class,
        () -> clusters.edit("c-1", ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").build()));
  }

  @Test
  void deleteAndPermanentDelete() {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    clusters.delete("c-1");
    clusters.permanentDelete("c-1");

    expectJsonPost(server, "/api/2.1/clusters/delete", "{'cluster_id':'c-1'}");
    expectJsonPost(server, "/api/2.1/clusters/permanent-delete", "{'cluster_id':'c-1'}");
  }

  @Test
  void listIsLazyFiltersWithDotsAndFollowsTokens() {
    server.enqueue(ok("{'clusters':[" + cluster("a", "RUNNING", "") + "," + cluster("b", "PENDING", "") + "],'next_page_token':'t2'}"));
    server.enqueue(ok("{'clusters':[],'next_page_token':'t3'}"));
    server.enqueue(ok("{'clusters':[" + cluster("c", "RUNNING", "'cluster_name':'third'") + "]}"));

    var listing = clusters.list(ClusterListFilter.builder().addClusterStates(ClusterState.RUNNING, ClusterState.PENDING)
        .isPinned(true).policyId("p 1").pageSize(2).build());
    assertEquals(0, server.getRequestCount(), "nothing is fetched before iterating");
    List<String> ids = listing.stream().map(ClusterInfo::clusterId).collect(Collectors.toList());

    assertEquals(List.of("a", "b", "c"), ids);
    String filter = "filter_by.cluster_states=RUNNING&filter_by.cluster_states=PENDING&filter_by.is_pinned=true"
        + "&filter_by.policy_id=p%201&page_size=2";
    expectGet(server, "/api/2.1/clusters/list?" + filter);
    expectGet(server, "/api/2.1/clusters/list?" + filter + "&page_token=t2");
    expectGet(server, "/api/2.1/clusters/list?" + filter + "&page_token=t3");
  }

  @Test
  void listWithoutFilterAndAnOldServerSendingEverythingAtOnce() {
    server.enqueue(ok("{'clusters':[" + cluster("a", "TERMINATED", "") + "]}"));

    assertEquals(1, clusters.list().stream().count());
    expectGet(server, "/api/2.1/clusters/list");
  }

  @Test
  void getReadsTheWholeDescription() {
    server.enqueue(ok(cluster("c 1", "TERMINATED", "'cluster_name':'etl','spark_version':'15.4.x-scala2.12',"
        + "'node_type_id':'i3.xlarge','num_workers':2,'autotermination_minutes':60,'spark_conf':{'a':'b'},"
        + "'default_tags':{'Vendor':'Databricks'},'creator_user_name':'ana','cluster_source':'API','policy_id':'p',"
        + "'start_time':1000,'terminated_time':2000,'data_security_mode':'NEW_MODE',"
        + "'termination_reason':{'code':'INACTIVITY','type':'SUCCESS','parameters':{'inactivity_duration_min':'60'}},"
        + "'a_new_field':{'x':1}")));

    ClusterInfo c = clusters.getCluster("c 1");

    expectGet(server, "/api/2.1/clusters/get?cluster_id=c%201");
    assertEquals("etl", c.clusterName().orElseThrow());
    assertEquals(2, c.numWorkers().getAsInt());
    assertEquals(60, c.autoterminationMinutes().getAsInt());
    assertEquals(DataSecurityMode.UNKNOWN, c.dataSecurityMode().orElseThrow());
    assertEquals("NEW_MODE", c.rawDataSecurityMode().orElseThrow());
    assertEquals("INACTIVITY", c.terminationReason().orElseThrow().code().orElseThrow());
    assertEquals(2000, c.terminatedTime().getAsLong());
  }

  @Test
  void sparkVersionsAndNodeTypes() {
    server.enqueue(ok("{'versions':[{'key':'15.4.x-scala2.12','name':'15.4 LTS (Scala 2.12, Spark 3.5.0)'}]}"));
    server.enqueue(ok("{'node_types':[{'node_type_id':'Standard_DS3_v2','memory_mb':14336,'num_cores':4.0,"
        + "'num_gpus':0,'is_deprecated':false,'description':'DS3 v2','category':'General Purpose'}]}"));
    server.enqueue(ok("{}"));

    List<SparkVersion> versions = clusters.sparkVersions();
    List<NodeType> nodes = clusters.listNodeTypes();
    List<SparkVersion> none = clusters.sparkVersions();

    expectGet(server, "/api/2.1/clusters/spark-versions");
    expectGet(server, "/api/2.1/clusters/list-node-types");
    assertEquals("15.4 LTS (Scala 2.12, Spark 3.5.0)", versions.get(0).name());
    assertEquals(14336, nodes.get(0).memoryMb().getAsLong());
    assertEquals(4.0, nodes.get(0).numCores().getAsDouble());
    assertFalse(nodes.get(0).isDeprecated());
    assertTrue(none.isEmpty(), "an empty answer is an empty list");
  }

  @Test
  void eventsPageByPostingTheToken() {
    server.enqueue(ok("{'events':[{'cluster_id':'c-1','timestamp':3000,'type':'RUNNING','details':{'current_num_workers':2}}],"
        + "'next_page_token':'n2'}"));
    server.enqueue(ok("{'events':[{'cluster_id':'c-1','timestamp':1000,'type':'BRAND_NEW_KIND'}]}"));

    List<ClusterEvent> events = clusters.events("c-1", ClusterEventsQuery.builder()
        .startTime(Instant.ofEpochMilli(500)).endTime(Instant.ofEpochMilli(5000))
        .addEventTypes(ClusterEventType.RUNNING, ClusterEventType.TERMINATING)
        .order(ClusterEventsQuery.SortOrder.DESC).pageSize(1).build())
        .stream().collect(Collectors.toList());

    String query = "'cluster_id':'c-1','start_time':500,'end_time':5000,'order':'DESC',"
        + "'event_types':['RUNNING','TERMINATING'],'page_size':1";
    expectJsonPost(server, "/api/2.1/clusters/events", "{" + query + "}");
    expectJsonPost(server, "/api/2.1/clusters/events", "{" + query + ",'page_token':'n2'}");
    assertEquals(2, events.size());
    assertEquals(ClusterEventType.RUNNING, events.get(0).type());
    assertEquals(2, events.get(0).details().orElseThrow().get("current_num_workers").asInt());
    assertEquals(ClusterEventType.UNKNOWN, events.get(1).type());
    assertEquals("BRAND_NEW_KIND", events.get(1).rawType().orElseThrow());
    assertEquals(Instant.ofEpochMilli(1000), events.get(1).time().orElseThrow());
  }

  @Test
  void eventsWithoutQuerySendOnlyTheId() {
    server.enqueue(ok("{'events':[]}"));

    assertEquals(0, clusters.events("c-1").stream().count());
    expectJsonPost(server, "/api/2.1/clusters/events", "{'cluster_id':'c-1'}");
  }

  @Test
  void badInputFailsBeforeAnythingIsSent() {
    List<Supplier<CompletableFuture<?>>> calls = List.of(
        () -> clusters.createAsync(null),
        () -> clusters.editAsync(" ", ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").build()),
        () -> clusters.startAsync(""),
        () -> clusters.restartAsync(null),
        () -> clusters.resizeAsync("c-1", -1),
        () -> clusters.resizeAsync("c-1", (AutoScale) null),
        () -> clusters.deleteAsync(".."),
        () -> clusters.permanentDeleteAsync(null),
        () -> clusters.getClusterAsync(null));
    for (Supplier<CompletableFuture<?>> call : calls) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> call.get().get(5, TimeUnit.SECONDS));
      assertInstanceOf(InvalidRequestException.class, Futures.unwrap(e));
    }
    assertThrows(InvalidRequestException.class, () -> clusters.events(""));
    assertThrows(InvalidRequestException.class, () -> clusters.list(null));
    assertThrows(InvalidRequestException.class, () -> clusters.handle(null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void specsAndFiltersRejectWhatTheServerWould() {
    assertThrows(InvalidRequestException.class, () -> ClusterSpec.builder().nodeTypeId("n").build());
    assertThrows(InvalidRequestException.class, () -> ClusterSpec.builder().sparkVersion("v").build());
    assertThrows(InvalidRequestException.class,
        () -> ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").numWorkers(2).autoscale(AutoScale.of(1, 2)).build());
    assertThrows(InvalidRequestException.class,
        () -> ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").autoterminationMinutes(5).build());
    assertThrows(InvalidRequestException.class,
        () -> ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").dataSecurityMode(DataSecurityMode.SINGLE_USER).build());
    ClusterSpec.Builder tags = ClusterSpec.builder().sparkVersion("v").nodeTypeId("n");
    for (int i = 0; i < 46; i++) {
      tags.putCustomTags("k" + i, "v");
    }
    assertThrows(InvalidRequestException.class, tags::build);
    assertThrows(InvalidRequestException.class, () -> AutoScale.of(3, 2));
    assertThrows(InvalidRequestException.class, () -> AzureAttributes.builder().spotBidMaxPrice(0).build());
    assertThrows(InvalidRequestException.class, () -> ClusterListFilter.builder().pageSize(101).build());
    assertThrows(InvalidRequestException.class, () -> ClusterEventsQuery.builder().pageSize(501).build());
    assertThrows(InvalidRequestException.class, () -> ClusterEventsQuery.builder()
        .startTime(Instant.ofEpochSecond(10)).endTime(Instant.ofEpochSecond(5)).build());
    // the boundaries are accepted
    ClusterSpec.builder().sparkVersion("v").nodeTypeId("n").autoterminationMinutes(0).build();
    ClusterSpec.builder().sparkVersion("v").instancePoolId("pool").autoterminationMinutes(10_000).build();
  }
}
