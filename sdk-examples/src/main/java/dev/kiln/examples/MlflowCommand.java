package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.mlflow.MlflowClient;
import dev.kiln.mlflow.model.Experiment;
import dev.kiln.mlflow.model.ExperimentSearch;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.mlflow.model.RegisteredModel;
import dev.kiln.mlflow.model.RegistrySearch;
import dev.kiln.mlflow.model.Run;
import dev.kiln.mlflow.model.RunSearch;
import dev.kiln.mlflow.model.ViewType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln mlflow experiments|runs|models ...}. */
@Command(
    name = "mlflow",
    mixinStandardHelpOptions = true,
    description = "MLflow: experiments, runs and their metrics, the workspace model registry.",
    subcommands = {MlflowCommand.Experiments.class, MlflowCommand.Runs.class, MlflowCommand.Models.class})
final class MlflowCommand extends CommandGroup {
  /** A listing: pages are fetched only as far as {@code --limit} rows need. */
  abstract static class ListCommand extends CliCommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most rows shown (default ${DEFAULT-VALUE}).")
    int limit;

    final int limit() {
      if (limit < 1) {
        throw usage("--limit must be at least 1, was " + limit);
      }
      return limit;
    }
  }

  @Command(name = "experiments", mixinStandardHelpOptions = true, description = "List, show and create experiments.",
      subcommands = {ListExperiments.class, GetExperiment.class, CreateExperiment.class})
  static final class Experiments extends CommandGroup {}

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists experiments, newest first.", "Example: kiln mlflow experiments list --filter \"name LIKE '%forecast%'\""})
  static final class ListExperiments extends ListCommand {
    @Option(names = "--filter", paramLabel = "EXPR", description = "An MLflow search filter, e.g. \"tags.team = 'tax'\".")
    String filter;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "ACTIVE_ONLY",
        description = "ACTIVE_ONLY (default), DELETED_ONLY or ALL.")
    ViewType view;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        List<Experiment> experiments = MlflowClient.create(db)
            .searchExperiments(ExperimentSearch.builder().filter(Optional.ofNullable(filter)).viewType(view).build())
            .stream().limit(limit()).collect(Collectors.toList());
        show(this, experiments, () -> {
          Table table = Table.withColumns("experiment_id", "name", "lifecycle_stage", "created");
          experiments.forEach(e -> table.addRow(e.experimentId(), e.name(), e.rawLifecycleStage().orElse(null),
              e.createdAt().orElse(null)));
          return table;
        });
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows an experiment by id, or by name when it starts with '/'.")
  static final class GetExperiment extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID|NAME", description = "The experiment id, or its workspace path.")
    String idOrName;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        MlflowClient mlflow = MlflowClient.create(db);
        Experiment e = idOrName.startsWith("/") ? mlflow.getExperimentByName(idOrName) : mlflow.getExperiment(idOrName);
        show(this, e, () -> {
          Table table = Table.withColumns("field", "value")
              .addRow("experiment_id", e.experimentId())
              .addRow("name", e.name())
              .addRow("lifecycle_stage", e.rawLifecycleStage().orElse(null))
              .addRow("artifact_location", e.artifactLocation().orElse(null))
              .addRow("created", e.createdAt().orElse(null));
          e.tagMap().forEach((k, v) -> table.addRow("tags." + k, v));
          return table;
        });
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Creates an experiment and prints its id.", "Example: kiln mlflow experiments create /Users/me@example.com/forecasting"})
  static final class CreateExperiment extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The experiment's workspace path.")
    String name;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        String id = MlflowClient.create(db).createExperiment(name);
        show(this, java.util.Map.of("experiment_id", id), () -> Table.withColumns("experiment_id", "name").addRow(id, name));
      }
    }
  }

  @Command(name = "runs", mixinStandardHelpOptions = true, description = "List and show runs and metric history.",
      subcommands = {ListRuns.class, GetRun.class, MetricHistory.class})
  static final class Runs extends CommandGroup {}

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists the runs of experiments, newest first.", "Example: kiln mlflow runs list 1 --filter 'metrics.rmse < 1000' --order 'metrics.rmse ASC'"})
  static final class ListRuns extends ListCommand {
    @Parameters(arity = "1..*", paramLabel = "EXPERIMENT_ID", description = "One or more experiment ids.")
    List<String> experimentIds;

    @Option(names = "--filter", paramLabel = "EXPR", description = "An MLflow search filter, e.g. \"metrics.rmse < 1\".")
    String filter;

    @Option(names = "--order", paramLabel = "CLAUSE", description = "An order_by clause, e.g. \"metrics.rmse ASC\"; repeatable.")
    List<String> order = List.of();

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        List<Run> runs = MlflowClient.create(db)
            .searchRuns(RunSearch.builder().experimentIds(experimentIds).filter(Optional.ofNullable(filter)).orderBy(order).build())
            .stream().limit(limit()).collect(Collectors.toList());
        show(this, runs, () -> {
          Table table = Table.withColumns("run_id", "run_name", "status", "started", "metrics", "params");
          runs.forEach(r -> table.addRow(r.runId(), r.info().runName().orElse(null), r.info().rawStatus().orElse(null),
              r.info().startedAt().orElse(null),
              r.data().metrics().stream().map(m -> m.key() + "=" + m.value()).collect(Collectors.joining(", ")),
              r.data().params().stream().map(p -> p.key() + "=" + p.value()).collect(Collectors.joining(", "))));
          return table;
        });
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows a run: its info, latest metrics, params and tags.")
  static final class GetRun extends CliCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run id.")
    String runId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        Run r = MlflowClient.create(db).getRun(runId);
        show(this, r, () -> {
          Table table = Table.withColumns("field", "value")
              .addRow("run_id", r.runId())
              .addRow("run_name", r.info().runName().orElse(null))
              .addRow("experiment_id", r.info().experimentId().orElse(null))
              .addRow("status", r.info().rawStatus().orElse(null))
              .addRow("started", r.info().startedAt().orElse(null))
              .addRow("ended", r.info().endedAt().orElse(null));
          r.data().metrics().forEach(m -> table.addRow("metrics." + m.key(), m.value()));
          r.data().params().forEach(p -> table.addRow("params." + p.key(), p.value()));
          r.data().tags().forEach(t -> table.addRow("tags." + t.key(), t.value()));
          return table;
        });
      }
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true, description = "Every point logged for one metric of a run.")
  static final class MetricHistory extends ListCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run id.")
    String runId;

    @Parameters(index = "1", paramLabel = "KEY", description = "The metric key, e.g. rmse.")
    String key;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        List<Metric> points = MlflowClient.create(db).getMetricHistory(runId, key).stream().limit(limit())
            .collect(Collectors.toList());
        show(this, points, () -> {
          Table table = Table.withColumns("step", "timestamp", "value");
          points.forEach(p -> table.addRow(p.step(), Instant.ofEpochMilli(p.timestamp()), p.value()));
          return table;
        });
      }
    }
  }

  @Command(name = "models", mixinStandardHelpOptions = true, description = "The workspace model registry: list, show, promote.",
      subcommands = {ListModels.class, GetModel.class, Promote.class})
  static final class Models extends CommandGroup {}

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists registered models with their latest versions.")
  static final class ListModels extends ListCommand {
    @Option(names = "--filter", paramLabel = "EXPR", description = "e.g. \"name LIKE 'bir_%'\".")
    String filter;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        List<RegisteredModel> models = MlflowClient.create(db)
            .searchRegisteredModels(RegistrySearch.builder().filter(Optional.ofNullable(filter)).build())
            .stream().limit(limit()).collect(Collectors.toList());
        show(this, models, () -> {
          Table table = Table.withColumns("name", "latest_versions", "description");
          models.forEach(m -> table.addRow(m.name(), versions(m.latestVersions()), m.description().orElse(null)));
          return table;
        });
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows every version of a registered model.")
  static final class GetModel extends ListCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model's name.")
    String name;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        List<ModelVersion> versions = MlflowClient.create(db).searchModelVersions(RegistrySearch.byName(name))
            .stream().limit(limit()).collect(Collectors.toList());
        show(this, versions, () -> {
          Table table = Table.withColumns("version", "stage", "status", "run_id", "source");
          versions.forEach(v -> table.addRow(v.version(), v.rawCurrentStage().orElse(null), v.rawStatus().orElse(null),
              v.runId().orElse(null), v.source().orElse(null)));
          return table;
        });
      }
    }
  }

  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = {"Moves a model version to a stage: None, Staging, Production or Archived.",
          "Example: kiln mlflow models promote bir_tax_forecaster 1 Production --archive-existing"})
  static final class Promote extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version number.")
    String version;

    @Parameters(index = "2", paramLabel = "STAGE", description = "None, Staging, Production or Archived.")
    String stage;

    @Option(names = "--archive-existing", description = "Move the versions now in that stage to Archived.")
    boolean archiveExisting;

    @Override
    void run() {
      ModelStage target = ModelStage.fromWire(stage);
      if (target == ModelStage.UNKNOWN) {
        throw usage("STAGE must be None, Staging, Production or Archived, was '" + stage + "'");
      }
      try (DatabricksClient db = connect()) {
        ModelVersion v = MlflowClient.create(db).transitionStage(name, version, target, archiveExisting);
        show(this, v, () -> Table.withColumns("name", "version", "stage", "status").addRow(v.name(), v.version(),
            v.rawCurrentStage().orElse(null), v.rawStatus().orElse(null)));
      }
    }
  }

  /** JSON output prints {@code value} through the SDK's mapper; table and CSV print the table. */
  static void show(CliCommand command, Object value, Supplier<Table> table) {
    if (command.format() == OutputFormatter.Format.JSON) {
      command.printJson(value);
    } else {
      command.print(table.get());
    }
  }

  static String versions(List<ModelVersion> versions) {
    return versions.stream().map(v -> v.version() + ":" + v.rawCurrentStage().orElse("?")).collect(Collectors.joining(", "));
  }
}
