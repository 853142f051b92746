package org.passledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passledger.events.CloudEvents;
import org.passledger.events.EventChain;
import org.passledger.events.Topics;
import org.passledger.testkit.KafkaTopics;
import org.passledger.testkit.LedgerTestResources;

/**
 * A voucher's history exported from the topics (issuance's stream and redemption's, each a hash chain as the
 * relays publish it) verifies offline from the file alone; the file edited, or an event taken out, does not.
 */
class VoucherHistoryTest {

    @TempDir
    Path directory;

    private final UUID voucher = UUID.randomUUID();

    @Test
    void anExportedHistory_verifiesOffline_andAnEditedOneDoesNot() throws Exception {
        LedgerTestResources.kafkaBootstrapServers(); // the in-process broker
        publishChain(Topics.VOUCHERS, "/pass-ledger/issuance-service", "voucher.issued.v1",
                "{\"faceValueCents\": 1000}", "voucher.activated.v1", "{\"reference\": \"OP-1\"}",
                "voucher.distributed.v1", "{\"postcode\": \"30600\"}");
        publishChain(Topics.REDEMPTIONS, "/pass-ledger/redemption-service", "voucher.redeemed.v1",
                "{\"faceValueCents\": 1000}");
        Path file = directory.resolve("history.json");

        Run exported = run("--voucher", voucher.toString(), "--kafka", LedgerTestResources.kafkaBootstrapServers(),
                "--out", file.toString());
        assertThat(exported.exit()).as(exported.out()).isZero();
        assertThat(exported.out()).contains("/pass-ledger/issuance-service " + voucher, " 3 events  chain OK",
                "/pass-ledger/redemption-service " + voucher, " 1 events  chain OK");
        assertThat(run("--verify", file.toString()).exit()).isZero();

        String history = Files.readString(file);
        Path edited = directory.resolve("edited.json");
        Files.writeString(edited, history.replace("OP-1", "OP-2"));
        Run afterEdit = run("--verify", edited.toString());
        assertThat(afterEdit.exit()).isEqualTo(1);
        assertThat(afterEdit.out()).contains("BROKEN", "(version 2) does not match its chain hash");

        Path shortened = directory.resolve("shortened.json");
        Files.writeString(shortened, history.replaceFirst("(?s)\\{\\s*\"version\" : 2,.*?\\},\\s*\\{", "{"));
        Run afterRemoval = run("--verify", shortened.toString());
        assertThat(afterRemoval.exit()).isEqualTo(1);
        assertThat(afterRemoval.out()).contains("version 3 where 2 was expected");
    }

    /** Publishes one stream of this voucher as a relay does: type and payload pairs, versions from 1, chained. */
    private void publishChain(String topic, String source, String... typesAndPayloads) {
        String previous = null;
        for (int i = 0; i < typesAndPayloads.length; i += 2) {
            long version = i / 2 + 1;
            UUID id = UUID.randomUUID();
            String hash = EventChain.hash(previous, voucher.toString(), version, id, typesAndPayloads[i],
                    typesAndPayloads[i + 1]);
            KafkaTopics.send(topic, voucher.toString(), typesAndPayloads[i + 1], Map.of(
                    CloudEvents.ID, id.toString(), CloudEvents.SOURCE, source, CloudEvents.TYPE, typesAndPayloads[i],
                    CloudEvents.TIME, "2026-03-02T10:15:30Z", CloudEvents.STREAM_VERSION, Long.toString(version),
                    CloudEvents.CHAIN_HASH, hash));
            previous = hash;
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = Cli.execute(argv, VoucherHistory.USAGE, VoucherHistory.OPTIONS, VoucherHistory::run);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
