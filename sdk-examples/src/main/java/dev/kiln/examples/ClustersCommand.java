package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.execution.ClusterHandle;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterListFilter;
import dev.kiln.execution.model.ClusterState;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln clusters list|get|start|terminate}. */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = "Clusters: list, describe, start and terminate all-purpose clusters.",
    subcommands = {ClustersCommand.ListClusters.class, ClustersCommand.Get.class, ClustersCommand.Start.class,
        ClustersCommand.Terminate.class})
final class ClustersCommand extends CommandGroup {
  static Table table(Iterable<ClusterInfo> clusters) {
    Table table = Table.withColumns("cluster_id", "name", "state", "workers", "spark_version", "state_message");
    for (ClusterInfo c : clusters) {
      Object workers = c.autoscale().<Object>map(a -> a.minWorkers() + ".." + a.maxWorkers())
          .orElse(c.numWorkers().isPresent() ? c.numWorkers().getAsInt() : null);
      table.addRow(c.clusterId(), c.clusterName().orElse(null), c.rawState(), workers, c.sparkVersion().orElse(null),
          c.stateMessage().filter(m -> !m.isEmpty()).orElse(null));
    }
    return table;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists the clusters (terminated ones for 30 days).", "Example: kiln clusters list --state RUNNING"})
  static final class ListClusters extends CliCommand {
    @Option(names = "--state", paramLabel = "STATE", split = ",",
        description = "Only clusters in these states (PENDING, RUNNING, TERMINATED, ...). Repeatable.")
    List<ClusterState> states = new ArrayList<>();

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        print(table(ClustersClient.create(db).list(ClusterListFilter.builder().addAllClusterStates(states).build())));
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = {"Prints one cluster's description as JSON.", "Example: kiln clusters get 0123-456789-abcdefgh"})
  static final class Get extends CliCommand {
    @Parameters(index = "0", paramLabel = "CLUSTER_ID")
    String clusterId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        printJson(ClustersClient.create(db).getCluster(clusterId));
      }
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Starts a terminated cluster; with --wait, waits until it is RUNNING.",
          "Example: kiln clusters start 0123-456789-abcdefgh --wait"})
  static final class Start extends CliCommand {
    @Parameters(index = "0", paramLabel = "CLUSTER_ID")
    String clusterId;

    @Option(names = "--wait", description = "Wait for RUNNING (exit 1 with the termination reason if it fails).")
    boolean await;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        ClusterHandle handle = ClustersClient.create(db).start(clusterId);
        if (await) {
          handle.addListener(c -> err().println("cluster " + clusterId + " ... " + c.rawState()));
          print(table(List.of(handle.await())));
        } else {
          err().println("cluster " + clusterId + " is starting");
        }
      }
    }
  }

  @Command(name = "terminate", mixinStandardHelpOptions = true,
      description = {"Terminates a cluster (it can be started again).", "Example: kiln clusters terminate 0123-456789-abcdefgh"})
  static final class Terminate extends CliCommand {
    @Parameters(index = "0", paramLabel = "CLUSTER_ID")
    String clusterId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        ClustersClient.create(db).delete(clusterId);
        err().println("cluster " + clusterId + " is terminating");
      }
    }
  }
}
