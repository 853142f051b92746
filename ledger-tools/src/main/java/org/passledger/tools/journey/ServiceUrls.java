package org.passledger.tools.journey;

/** Where the four services answer. */
public record ServiceUrls(String labelling, String issuance, String redemption, String settlement) {

    public static ServiceUrls local() {
        return new ServiceUrls("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083",
                "http://127.0.0.1:8084");
    }

    /** The ./ledger script's LEDGER_*_URL variables, or the local ports. */
    public static ServiceUrls fromEnvironment() {
        ServiceUrls local = local();
        return new ServiceUrls(env("LEDGER_LABELLING_URL", local.labelling()), env("LEDGER_ISSUANCE_URL", local.issuance()),
                env("LEDGER_REDEMPTION_URL", local.redemption()), env("LEDGER_SETTLEMENT_URL", local.settlement()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
