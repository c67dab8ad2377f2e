package io.quotaflow.platform.calendar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A country's official working-day calendar, year by year, read from data files named
 * {@code <COUNTRY>-<year>.json} (as published: {@code holidays} are days off, {@code extraWorkdays} the weekend
 * days worked instead, 调休上班). The files shipped with Quotaflow live in {@code quotaflow/calendars/} on the
 * class path; a later year is added by dropping its file into the directory named by
 * {@code quotaflow.organisation.calendar-directory} — no code change. A year without a file is never guessed:
 * it has the weekend only, and {@link #covers} says so.
 */
public final class OfficialCalendar {

    private static final Pattern FILE = Pattern.compile("([A-Z]{2})-(\\d{4})\\.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String country;
    private final Map<Integer, Year> years;

    private OfficialCalendar(String country, Map<Integer, Year> years) {
        this.country = country;
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    /** The published schedule of one year. */
    public record Year(int year, String source, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
                       Set<LocalDate> extraWorkdays) {
    }

    /** The calendar of {@code country} from the shipped files and those in {@code directory} (may be null). */
    public static OfficialCalendar load(String country, Path directory) {
        Map<Integer, Year> years = new TreeMap<>();
        for (int year = 2000; year <= 2100; year++) {
            String name = country + "-" + year + ".json";
            try (InputStream shipped = OfficialCalendar.class.getClassLoader()
                    .getResourceAsStream("quotaflow/calendars/" + name)) {
                if (shipped != null) {
                    years.put(year, read(shipped, year));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read calendar " + name, e);
            }
        }
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Matcher matcher = FILE.matcher(file.getFileName().toString());
                    if (matcher.matches() && matcher.group(1).equals(country)) {
                        int year = Integer.parseInt(matcher.group(2));
                        try (InputStream in = Files.newInputStream(file)) {
                            years.put(year, read(in, year));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the calendars in " + directory, e);
            }
        }
        return new OfficialCalendar(country, years);
    }

    public String country() {
        return country;
    }

    /** Whether a published schedule of that year is known. */
    public boolean covers(int year) {
        return years.containsKey(year);
    }

    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public List<Year> years() {
        return List.copyOf(years.values());
    }

    /** Every holiday of every known year. */
    public Set<LocalDate> holidays() {
        Set<LocalDate> all = new TreeSet<>();
        years.values().forEach(year -> all.addAll(year.holidays()));
        return all;
    }

    /** Every make-up working day of every known year. */
    public Set<LocalDate> extraWorkdays() {
        Set<LocalDate> all = new TreeSet<>();
        years.values().forEach(year -> all.addAll(year.extraWorkdays()));
        return all;
    }

    /** A make-up day is worked; a holiday or a weekend day is not; other days are. */
    public boolean isWorkingDay(LocalDate day) {
        Year year = years.get(day.getYear());
        Set<DayOfWeek> weekend = year == null ? EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : year.weekend();
        if (year != null && year.extraWorkdays().contains(day)) {
            return true;
        }
        return !(weekend.contains(day.getDayOfWeek()) || (year != null && year.holidays().contains(day)));
    }

    private static Year read(InputStream in, int expectedYear) throws IOException {
        JsonNode root = JSON.readTree(in);
        int year = root.path("year").asInt();
        if (year != expectedYear) {
            throw new IllegalStateException("calendar file for " + expectedYear + " says year " + year);
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        root.path("weekend").forEach(day -> weekend.add(DayOfWeek.valueOf(day.asString())));
        return new Year(year, root.path("source").asString(), weekend, dates(root.path("holidays"), year),
                dates(root.path("extraWorkdays"), year));
    }

    private static Set<LocalDate> dates(JsonNode entries, int year) {
        Set<LocalDate> dates = new TreeSet<>();
        for (JsonNode entry : entries) {
            LocalDate date = LocalDate.parse(entry.isString() ? entry.asString() : entry.path("date").asString());
            if (date.getYear() != year && !(date.getYear() == year - 1 || date.getYear() == year + 1)) {
                throw new IllegalStateException(date + " is not near " + year);
            }
            dates.add(date);
        }
        return dates;
    }
}
