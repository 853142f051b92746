package org.passledger.labelling.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.passledger.events.EventJson;
import org.passledger.labelling.domain.StructureProfile.OpeningHours;

/** Writes opening hours in OpenStreetMap's opening_hours syntax, the open-data convention: "Mo 09:00-12:30". */
final class OpeningHoursText {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] DAYS = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

    private OpeningHoursText() {
    }

    static String fromJson(String json) {
        if (json == null) {
            return "";
        }
        try {
            return format(EventJson.mapper().readValue(json, new TypeReference<List<OpeningHours>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable opening hours", e);
        }
    }

    static String format(List<OpeningHours> slots) {
        Map<DayOfWeek, List<OpeningHours>> byDay = new TreeMap<>();
        for (OpeningHours slot : slots) {
            byDay.computeIfAbsent(slot.day(), d -> new ArrayList<>()).add(slot);
        }
        return byDay.entrySet().stream()
                .map(e -> DAYS[e.getKey().getValue() - 1] + " " + e.getValue().stream()
                        .sorted(Comparator.comparing(OpeningHours::opens))
                        .map(s -> s.opens().format(HH_MM) + "-" + s.closes().format(HH_MM))
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }
}
