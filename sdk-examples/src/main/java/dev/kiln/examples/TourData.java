package dev.kiln.examples;

import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.GenieRule;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalWorkspace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The tour's small, realistic data set, after the BIR (Bureau of Internal Revenue) example: taxes that
 * Philippine government agencies withheld per month in 2026, a handful of withholding-tax notes for vector
 * search, and a Genie space over the tax table. {@link #seed(LocalWorkspace)} loads it into a local workspace.
 */
public final class TourData {
  /** The SQL table on the emulator. */
  public static final String TABLE = "bir.withholding";
  /** The source table of the vector index on the emulator. */
  public static final String NOTES_TABLE = "bir.notes";
  /** The delta-sync index over {@link #NOTES_TABLE}. */
  public static final String INDEX = "main.bir.notes_index";
  public static final List<String> INDEX_COLUMNS = List.of("id", "year", "note");
  public static final String GENIE_TITLE = "BIR withholding tax";
  public static final String GENIE_QUESTION = "Which agencies withheld the most tax in 2026?";
  public static final String VECTOR_QUESTION = "When is withholding tax on compensation due?";
  public static final int YEAR = 2026;

  /** One agency's monthly withholding before the month's swing: compensation and expanded withholding tax. */
  private static final Object[][] AGENCIES = {
      {"DPWH", "Department of Public Works and Highways", "18450000.00", "22780500.00"},
      {"DepEd", "Department of Education", "31200750.00", "6340200.00"},
      {"DOH", "Department of Health", "12875300.00", "9415800.00"},
      {"DSWD", "Department of Social Welfare and Development", "7930450.00", "4105600.00"},
      {"DICT", "Department of Information and Communications Technology", "2640900.00", "3218750.00"},
  };
  private static final String[] MONTH_FACTORS = {"1.000", "0.972", "1.046"};
  private static final String[] TAX_TYPES = {"compensation", "expanded"};

  /** Notes for vector search (paraphrased for the demo, not legal advice): id, year, text. */
  private static final Object[][] NOTES = {
      {1, 2024, "Tax withheld on compensation is remitted on or before the tenth day of the following month (BIR Form 1601-C)."},
      {2, 2023, "Expanded withholding tax on payments to suppliers is 1 percent for goods and 2 percent for services."},
      {3, 2024, "Government agencies withhold a 5 percent final VAT on their purchases of goods and services."},
      {4, 2025, "The annual information return of taxes withheld on compensation (BIR Form 1604-C) is due January 31."},
      {5, 2023, "A certificate of creditable tax withheld at source (BIR Form 2307) is issued to every payee."},
      {6, 2025, "National government agencies file and pay withholding taxes electronically through eFPS."},
  };

  private TourData() {}

  /** One row of {@link #TABLE}. */
  public static final class Withholding {
    public final String agency;
    public final String agencyName;
    public final LocalDate month;
    public final String taxType;
    public final BigDecimal amount;

    Withholding(String agency, String agencyName, LocalDate month, String taxType, BigDecimal amount) {
      this.agency = agency;
      this.agencyName = agencyName;
      this.month = month;
      this.taxType = taxType;
      this.amount = amount;
    }
  }

  /** Every row of the tax table: 5 agencies x 3 months x 2 tax types. */
  public static List<Withholding> withholdings() {
    List<Withholding> rows = new ArrayList<>();
    for (Object[] agency : AGENCIES) {
      for (int m = 0; m < MONTH_FACTORS.length; m++) {
        for (int t = 0; t < TAX_TYPES.length; t++) {
          BigDecimal base = new BigDecimal((String) agency[2 + t]);
          BigDecimal amount = base.multiply(new BigDecimal(MONTH_FACTORS[m])).setScale(2, RoundingMode.HALF_UP);
          rows.add(new Withholding((String) agency[0], (String) agency[1], LocalDate.of(YEAR, m + 1, 1),
              TAX_TYPES[t], amount));
        }
      }
    }
    return rows;
  }

  /** Agency code → total withheld in the year, largest first. */
  public static Map<String, BigDecimal> totalsByAgency() {
    return totalsByAgency(w -> true);
  }

  /** Agency code → total withheld in the last month (March), largest first: the forecaster's input. */
  public static Map<String, BigDecimal> lastMonthByAgency() {
    LocalDate last = LocalDate.of(YEAR, MONTH_FACTORS.length, 1);
    return totalsByAgency(w -> w.month.equals(last));
  }

  /** Month → total withheld by all agencies, in month order. */
  public static Map<LocalDate, BigDecimal> totalsByMonth() {
    Map<LocalDate, BigDecimal> totals = new LinkedHashMap<>();
    withholdings().forEach(w -> totals.merge(w.month, w.amount, BigDecimal::add));
    return totals;
  }

  /** Agency code → total of the rows {@code counted} accepts, largest first. */
  private static Map<String, BigDecimal> totalsByAgency(Predicate<Withholding> counted) {
    Map<String, BigDecimal> totals = withholdings().stream().filter(counted)
        .collect(Collectors.groupingBy(w -> w.agency, Collectors.reducing(BigDecimal.ZERO, w -> w.amount, BigDecimal::add)));
    Map<String, BigDecimal> sorted = new LinkedHashMap<>();
    totals.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /**
   * The tax table as an inline relation, for workspaces where the tour creates nothing: {@code (VALUES ...)
   * AS withholding(agency, agency_name, month, tax_type, amount)}; Databricks SQL and the emulator both run it.
   */
  public static String inlineRelation() {
    String values = withholdings().stream()
        .map(w -> "('" + w.agency + "', '" + w.agencyName + "', DATE'" + w.month + "', '" + w.taxType + "', CAST("
            + w.amount.toPlainString() + " AS DECIMAL(14,2)))")
        .collect(Collectors.joining(", "));
    return "(VALUES " + values + ") AS withholding(agency, agency_name, month, tax_type, amount)";
  }

  /** The query of the tour's SQL step over {@code relation} (a table name or {@link #inlineRelation()}). */
  public static String totalsQuery(String relation) {
    return "SELECT agency, agency_name, COUNT(*) AS filings, SUM(amount) AS total_withheld\n"
        + "FROM " + relation + "\n"
        + "WHERE year(month) = :year\n"
        + "GROUP BY agency, agency_name\n"
        + "ORDER BY total_withheld DESC";
  }

  /** What {@link #seed} created. */
  public static final class Seeded {
    public final String table;
    public final int rows;
    public final String index;
    public final int documents;
    public final String genieSpaceId;

    Seeded(String table, int rows, String index, int documents, String genieSpaceId) {
      this.table = table;
      this.rows = rows;
      this.index = index;
      this.documents = documents;
      this.genieSpaceId = genieSpaceId;
    }
  }

  /** Creates the tax table, the notes and their vector index, and the Genie space in {@code ws}. */
  public static Seeded seed(LocalWorkspace ws) {
    List<Withholding> rows = withholdings();
    StringBuilder sql = new StringBuilder("CREATE SCHEMA IF NOT EXISTS bir;\n"
        + "CREATE OR REPLACE TABLE " + TABLE + " (agency VARCHAR, agency_name VARCHAR, month DATE, "
        + "tax_type VARCHAR, amount DECIMAL(14,2));\n"
        + "INSERT INTO " + TABLE + " VALUES ");
    sql.append(rows.stream()
        .map(w -> "('" + w.agency + "', '" + w.agencyName + "', DATE '" + w.month + "', '" + w.taxType + "', "
            + w.amount.toPlainString() + ")")
        .collect(Collectors.joining(", ")));
    sql.append(";\nCREATE OR REPLACE TABLE " + NOTES_TABLE + " (id INTEGER, year INTEGER, note VARCHAR);\n"
        + "INSERT INTO " + NOTES_TABLE + " VALUES ");
    List<String> notes = new ArrayList<>();
    for (Object[] note : NOTES) {
      notes.add("(" + note[0] + ", " + note[1] + ", '" + ((String) note[2]).replace("'", "''") + "')");
    }
    sql.append(String.join(", ", notes));
    ws.sql().execute(sql.toString());

    ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder()
        .name(INDEX)
        .sourceTable(NOTES_TABLE)
        .primaryKey("id")
        .embeddingSourceColumn("note")
        .build());

    String spaceId = ws.addGenieSpace(GenieSpaceSpec.builder()
        .title(GENIE_TITLE)
        .description("Taxes withheld by Philippine government agencies in " + YEAR + ", by month and tax type.")
        .addRules(GenieRule.builder()
            .addKeywords("agenc", "most")
            .sql("SELECT agency, SUM(amount) AS total_withheld FROM " + TABLE
                + " WHERE year(month) = " + YEAR + " GROUP BY agency ORDER BY total_withheld DESC LIMIT 3")
            .queryTitle("Top agencies by tax withheld in " + YEAR)
            .queryDescription("Sums the withheld amounts per agency and keeps the three largest.")
            .answer(topAgenciesAnswer())
            .addSuggestedQuestions("How did the monthly totals change?")
            .build())
        .addRules(GenieRule.builder()
            .addKeywords("month")
            .sql("SELECT month, SUM(amount) AS total_withheld FROM " + TABLE + " GROUP BY month ORDER BY month")
            .queryTitle("Tax withheld per month")
            .answer("Monthly totals of tax withheld by all agencies.")
            .build())
        .build());
    return new Seeded(TABLE, rows.size(), INDEX, NOTES.length, spaceId);
  }

  /** The text answer of the Genie rule, computed from the data so it always agrees with the SQL. */
  private static String topAgenciesAnswer() {
    List<Map.Entry<String, BigDecimal>> top = new ArrayList<>(totalsByAgency().entrySet()).subList(0, 3);
    return String.format(Locale.ROOT, "%s, %s and %s withheld the most tax in %d; %s leads with PHP %s million.",
        top.get(0).getKey(), top.get(1).getKey(), top.get(2).getKey(), YEAR, top.get(0).getKey(),
        millions(top.get(0).getValue()));
  }

  /** 123456789.00 → "123.5". */
  public static String millions(BigDecimal amount) {
    return amount.movePointLeft(6).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
