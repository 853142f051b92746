package org.passledger.tools.journey;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;
import org.passledger.clients.issuance.api.ProgrammesApi;
import org.passledger.clients.issuance.api.VouchersApi;
import org.passledger.clients.labelling.api.LabelDecisionsApi;
import org.passledger.clients.labelling.api.StructuresApi;
import org.passledger.clients.redemption.api.RedemptionsApi;
import org.passledger.clients.settlement.api.FunderBillingApi;
import org.passledger.clients.settlement.api.HoldingPeriodApi;
import org.passledger.clients.settlement.api.LedgerApi;
import org.passledger.clients.settlement.api.PayoutAccountsApi;
import org.passledger.clients.settlement.api.ReconciliationApi;
import org.passledger.clients.settlement.api.ReimbursementsApi;
import org.passledger.clients.settlement.api.SettlementRunsApi;
import org.passledger.clients.settlement.api.StatementsApi;

/** The generated clients, each calling as one party in one role. */
public final class Clients {

    private final ServiceUrls urls;
    private final Tokens tokens;
    private final Duration requestTimeout;

    public Clients(ServiceUrls urls, Tokens tokens) {
        this(urls, tokens, null);
    }

    /** Clients whose every request gives up after requestTimeout, as a partner's would: a hung call is retried. */
    public Clients(ServiceUrls urls, Tokens tokens, Duration requestTimeout) {
        this.urls = urls;
        this.tokens = tokens;
        this.requestTimeout = requestTimeout;
    }

    public StructuresApi structures(String role, String party) {
        var client = new org.passledger.clients.labelling.ApiClient();
        client.updateBaseUri(urls.labelling());
        client.setRequestInterceptor(bearer(role, party));
        return new StructuresApi(client);
    }

    public LabelDecisionsApi labelDecisions(String role, String party) {
        var client = new org.passledger.clients.labelling.ApiClient();
        client.updateBaseUri(urls.labelling());
        client.setRequestInterceptor(bearer(role, party));
        return new LabelDecisionsApi(client);
    }

    public ProgrammesApi programmes(String role, String party) {
        return new ProgrammesApi(issuance(role, party));
    }

    public VouchersApi vouchers(String role, String party) {
        return new VouchersApi(issuance(role, party));
    }

    public RedemptionsApi redemptions(String role, String party) {
        var client = new org.passledger.clients.redemption.ApiClient();
        client.updateBaseUri(urls.redemption());
        client.setRequestInterceptor(bearer(role, party));
        return new RedemptionsApi(client);
    }

    public SettlementRunsApi settlementRuns(String role, String party) {
        return new SettlementRunsApi(settlement(role, party));
    }

    public StatementsApi statements(String role, String party) {
        return new StatementsApi(settlement(role, party));
    }

    public ReimbursementsApi reimbursements(String role, String party) {
        return new ReimbursementsApi(settlement(role, party));
    }

    public PayoutAccountsApi payoutAccounts(String role, String party) {
        return new PayoutAccountsApi(settlement(role, party));
    }

    public HoldingPeriodApi holdingPeriod(String role, String party) {
        return new HoldingPeriodApi(settlement(role, party));
    }

    public FunderBillingApi funderBilling(String role, String party) {
        return new FunderBillingApi(settlement(role, party));
    }

    public LedgerApi ledger(String role, String party) {
        return new LedgerApi(settlement(role, party));
    }

    public ReconciliationApi reconciliation(String role, String party) {
        return new ReconciliationApi(settlement(role, party));
    }

    private org.passledger.clients.issuance.ApiClient issuance(String role, String party) {
        var client = new org.passledger.clients.issuance.ApiClient();
        client.updateBaseUri(urls.issuance());
        client.setRequestInterceptor(bearer(role, party));
        return client;
    }

    private org.passledger.clients.settlement.ApiClient settlement(String role, String party) {
        var client = new org.passledger.clients.settlement.ApiClient();
        client.updateBaseUri(urls.settlement());
        client.setRequestInterceptor(bearer(role, party));
        return client;
    }

    private Consumer<HttpRequest.Builder> bearer(String role, String party) {
        String header = "Bearer " + tokens.token(role, party);
        return request -> {
            request.header("Authorization", header);
            if (requestTimeout != null) {
                request.timeout(requestTimeout);
            }
        };
    }
}
