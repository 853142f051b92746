package org.passledger.redemption.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service spent its CPU during the benchmark, from its JFR recording (execution samples): the
 * libraries and methods on top of the stack, and the project's own methods that were on the stack most often.
 */
final class Profile {

    private Profile() {
    }

    static void print(Path recording, int top) throws IOException {
        if (!Files.exists(recording)) {
            System.out.println("\nNo profile: " + recording + " was not written");
            return;
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            libraries.merge(library(frames.get(0)), 1, Integer::sum);
            frames.stream().map(Profile::name).filter(n -> n.startsWith("org.passledger.")).distinct()
                    .forEach(n -> ours.merge(n, 1, Integer::sum));
        }
        System.out.printf(Locale.ROOT, "%nProfile of the service (JFR, %d execution samples, %s)%n", samples, recording);
        System.out.println("  by library (self, first three package names):");
        printTop(libraries, samples, top);
        System.out.println("  hottest methods (self):");
        printTop(self, samples, top);
        System.out.println("  project methods on the stack (total):");
        printTop(ours, samples, top);
    }

    private static void printTop(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String library(RecordedFrame frame) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
