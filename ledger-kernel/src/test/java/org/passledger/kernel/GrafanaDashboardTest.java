package org.passledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.passledger.kernel.metrics.LedgerMetrics;

/** The operators' dashboard reads only series the services expose (LedgerMetrics, checked by OperationalMetricsTest). */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("..", "infra", "grafana", "pass-ledger.json");
    /** PromQL functions, aggregations and keywords the dashboard may use; any other name must be a series. */
    static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "clamp_min", "label_values", "topk", "offset");
    static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everySeriesTheDashboardQueries_isOneTheServicesExpose() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        dashboard.findValues("definition").forEach(e -> expressions.add(e.asText()));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(12);

        Set<String> used = new TreeSet<>();
        for (String expression : expressions) {
            used.addAll(seriesIn(expression));
        }
        assertThat(used).as("series used by the dashboard").isNotEmpty()
                .allSatisfy(name -> assertThat(LedgerMetrics.PROMETHEUS_SERIES).as("exposed series").contains(name));
        assertThat(used).as("the operators' series are all on the dashboard").contains(
                "ledger_consumer_lag_records", "ledger_consumer_lag_seconds", "ledger_projection_events_applied_total",
                "ledger_projection_dead_letters_total", "ledger_outbox_depth", "ledger_outbox_oldest_age_seconds",
                "ledger_problems_total", "ledger_group_commit_commands_total", "http_server_requests_seconds_bucket");
    }

    @Test
    void thePrometheusDatasource_isAVariable_usedByEveryPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("templating").path("list").findValues("type")).extracting(JsonNode::asText).contains("datasource");
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
        }
    }

    @Test
    void theSeriesReader_findsMetricNames_andSkipsLabelsFunctionsAndRanges() {
        assertThat(seriesIn("histogram_quantile(0.99, sum by (service, le) (rate(http_server_requests_seconds_bucket"
                + "{service=~\"$service\",uri!~\"/q/.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(seriesIn("sum(rate(made_up_total[5m])) or ledger_outbox_depth")).containsExactly("made_up_total", "ledger_outbox_depth");
    }

    /** The metric names of a PromQL expression: names left once label matchers, ranges, strings and groupings are gone. */
    static List<String> seriesIn(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")        // strings
                .replaceAll("\\{[^}]*}", " ")                          // label matchers
                .replaceAll("\\[[^]]*]", " ")                          // ranges
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("label_values\\(([^,)]*),[^)]*\\)", "$1");  // label_values(series, label)
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            boolean number = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!PROMQL.contains(name) && !number && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
