package dev.kiln.examples.snippets;

import dev.kiln.execution.ClusterHandle;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.model.AutoScale;
import dev.kiln.execution.model.ClusterEvent;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterSpec;
import java.util.ArrayList;
import java.util.List;

/** README "Clusters": create with autoscale, wait, resize, read the event log, terminate. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class ClustersSnippet {
  private ClustersSnippet() {}

  static List<String> run(dev.kiln.core.DatabricksClient db) {
    // snippet:clusters
    ClustersClient clusters = ClustersClient.create(db);
    ClusterHandle handle = clusters.create(ClusterSpec.builder()
            .clusterName("month-end-etl")
            .sparkVersion("15.4.x-scala2.12")             // clusters.sparkVersions() lists them
            .nodeTypeId("i3.xlarge")                      // clusters.listNodeTypes()
            .autoscale(AutoScale.of(1, 4))
            .autoterminationMinutes(30)
            .putCustomTags("team", "tax")
            .build());
    ClusterInfo running = handle.await();                 // RUNNING, or ClusterUnavailableException + reason
    clusters.resize(running.clusterId(), 6).await();
    List<String> events = new ArrayList<>();
    for (ClusterEvent e : clusters.events(running.clusterId())) {   // lazy, newest first
        events.add(e.rawType().orElse("?"));
    }
    clusters.delete(running.clusterId());                 // terminate; clusters.start(id) brings it back
    // end-snippet
    return events;
  }
}
