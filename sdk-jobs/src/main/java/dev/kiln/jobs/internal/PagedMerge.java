package dev.kiln.jobs.internal;

import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jobs 2.2 sends at most 100 entries per array in {@code get} and {@code runs/get}; a root
 * {@code next_page_token} means more, fetched with {@code page_token} and appended here.
 */
public final class PagedMerge {
  private PagedMerge() {}

  public static Run runs(Run acc, Run page) {
    return acc.withTasks(concat(acc.tasks(), page.tasks()))
        .withIterations(concat(acc.iterations(), page.iterations()))
        .withJobParameters(concat(acc.jobParameters(), page.jobParameters()))
        .withJobClusters(concat(acc.jobClusters(), page.jobClusters()))
        .withRepairHistory(concat(acc.repairHistory(), page.repairHistory()))
        .withNextPageToken(page.nextPageToken());
  }

  public static Job jobs(Job acc, Job page) {
    Optional<JobSettings> more = page.settings();
    if (more.isEmpty()) {
      return acc;
    }
    JobSettings a = acc.settings().orElse(JobSettings.builder().build());
    JobSettings b = more.get();
    return acc.withSettings(a.withTasks(concat(a.tasks(), b.tasks()))
        .withJobClusters(concat(a.jobClusters(), b.jobClusters()))
        .withParameters(concat(a.parameters(), b.parameters()))
        .withEnvironments(concat(a.environments(), b.environments())));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<T> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
