package io.quotaflow.benchmarks;

import io.quotaflow.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The benchmark harness: starts the embedded stack, runs B1–B6 and prints one table — each figure beside its
 * baseline from the same run, the ratio, the goal and pass/miss — and writes it with B4's latency chart to the
 * output directory. {@code bench.sh [--tiny|--quick|--full]} runs it.
 */
public final class Bench {

    /** Documents read per collection, and collections reported, for B4's document sizes. */
    private static final int DOCUMENT_SAMPLE = 2000;
    private static final int LARGEST_COLLECTIONS = 6;
    /** The services B4 drives that keep documents, and how many of their (collection, command) pairs B4 reports by time. */
    private static final List<String> STORING = List.of("activity-service", KpiReplay.SERVICE, "incentive-service");
    private static final int BUSIEST_COMMANDS = 8;

    private final Mode mode;
    private final Path projectDir;
    private final Path outDir;
    private final boolean profile;
    private final String command;
    private final String mongodbUri;

    Bench(Mode mode, Path projectDir, Path outDir, boolean profile) {
        this(mode, projectDir, outDir, profile, "./bench.sh --" + mode.name() + (profile ? " --jfr" : ""), null);
    }

    /**
     * @param command    how the run was asked for, as the results file names it
     * @param mongodbUri a MongoDB for the services ({@code --mongodb-uri}); {@code null} for the embedded one
     */
    Bench(Mode mode, Path projectDir, Path outDir, boolean profile, String command, String mongodbUri) {
        this.mode = mode;
        this.command = command;
        this.projectDir = projectDir;
        this.outDir = outDir;
        this.profile = profile;
        this.mongodbUri = mongodbUri;
    }

    public static void main(String[] args) {
        String mode = "quick";
        Path projectDir = Path.of("").toAbsolutePath();
        Path outDir = null;
        boolean profile = false;
        String mongodbUri = null;
        List<java.util.function.UnaryOperator<Mode>> overrides = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--tiny") || arg.equals("--quick") || arg.equals("--full")) {
                mode = arg.substring(2);
            } else if (arg.startsWith("--project-dir=")) {
                projectDir = Path.of(arg.substring("--project-dir=".length())).toAbsolutePath();
            } else if (arg.equals("--jfr")) {
                profile = true;
            } else if (arg.startsWith("--mongodb-uri=")) {
                mongodbUri = arg.substring("--mongodb-uri=".length());
            } else if (arg.startsWith("--out=")) {
                outDir = Path.of(arg.substring("--out=".length())).toAbsolutePath();
            } else if (arg.startsWith("--events=")) {
                long events = Long.parseLong(arg.substring("--events=".length()).replace("_", ""));
                overrides.add(m -> m.withEvents(events));
            } else if (arg.startsWith("--query-seconds=")) {
                double seconds = Double.parseDouble(arg.substring("--query-seconds=".length()));
                overrides.add(m -> m.withQuerySeconds(seconds));
            } else if (arg.startsWith("--steady-seconds=")) {
                long seconds = Long.parseLong(arg.substring("--steady-seconds=".length()));
                overrides.add(m -> m.withSteadyFor(Duration.ofSeconds(seconds)));
            } else {
                System.err.println("usage: bench.sh [--tiny|--quick|--full] [--events=N] [--query-seconds=S] "
                        + "[--steady-seconds=S] [--mongodb-uri=URI] [--jfr] [--out=DIR]");
                System.exit(2);
            }
        }
        Path out = outDir != null ? outDir : projectDir.resolve("benchmarks/target/bench-" + mode);
        Mode chosen = Mode.of(mode);
        for (java.util.function.UnaryOperator<Mode> override : overrides) {
            chosen = override.apply(chosen);
        }
        Table table = new Bench(chosen, projectDir, out, profile, command(args), mongodbUri).run();
        System.out.println();
        System.out.println(table.markdown());
        System.out.println("Written to " + out);
        System.exit(0);
    }

    /**
     * The command as the results file names it: {@code bench.sh}'s arguments, without the project directory it adds
     * and without the MongoDB URI, which may hold credentials (the file names the server in a line of its own).
     */
    static String command(String... args) {
        return "./bench.sh " + String.join(" ", java.util.Arrays.stream(args)
                .filter(arg -> !arg.startsWith("--project-dir="))
                .map(arg -> arg.startsWith("--mongodb-uri=") ? "--mongodb-uri=…" : arg).toList());
    }

    Table run() {
        Table table = new Table();
        long started = System.nanoTime();
        Instant anchor = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Workload workload = new Workload(mode.reps(), mode.probeReps(), anchor);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log("mode " + mode.name() + "; starting Kafka and MongoDB");
        try (Stack stack = Stack.start(projectDir, outDir, profile, mode.jvmOptions(), mongodbUri)) {
            String mongo = stack.mongo().description();
            log("MongoDB: " + mongo);
            stack.createTopics(List.of(Topics.SALES_ACTIVITIES.name(), Topics.TARGETS.name(),
                    Topics.SALES_ORG.name(), Topics.INCENTIVES.name(), Topics.KPI_CHANGES.name(),
                    Topics.KPI_CUSTOMER_DEALS.name()));

            log("B1: raw producer and consumer, " + mode.rawRecords() + " records");
            KafkaLimit.Result limit = KafkaLimit.measure(stack, workload, mode.rawRecords());
            table.fact("B1", "Kafka produce (acks=all, idempotent), " + Math.round(limit.averageBytes()) + " B records",
                    limit.produced(), "ev/s");
            table.fact("B1", "Kafka consume", limit.consumed(), "ev/s");
            table.fact("B1", "Kafka consume + JSON parse", limit.consumedAndParsed(), "ev/s");

            log("the sales org (" + mode.reps() + " reps, " + mode.probeReps() + " probe reps) and probe targets");
            io.quotaflow.testsupport.SalesOrgFixture.publish(stack.bootstrapServers(), workload.org());
            try (KafkaProducer<String, byte[]> producer = KafkaLimit.producer(stack.bootstrapServers())) {
                for (ProducerRecord<String, byte[]> target : workload.probeTargets()) {
                    producer.send(target);
                }
            }
            // The peer first, on exactly the B3 size and with no service running beside it.
            KpiReplay replay = new KpiReplay(stack, workload);
            log("B3: pre-loading sales-activities to " + mode.aggregateEvents() + " events; the Kafka Streams peer "
                    + "(exactly_once_v2) on them");
            replay.preloadTo(mode.aggregateEvents());
            StreamsPeer.Result peer = StreamsPeer.measure(stack, workload, mode.aggregateEvents(),
                    outDir.resolve("streams-state"), Duration.ofHours(3));
            log(String.format("  %.1f s: %.0f ev/s", peer.seconds(), peer.eventsPerSecond()));
            TreeSet<Long> sizes = new TreeSet<>(mode.growthSizes());
            sizes.add(mode.aggregateEvents());
            replay.preloadTo(sizes.last());

            // Every service but kpi-service starts at once, each once; the two that read sales-activities from its
            // end (the pre-loaded events are kpi-service's catch-up, not theirs).
            log("starting the gateway, activity-service and incentive-service");
            stack.moveGroupToEnd("incentive-service", Topics.SALES_ACTIVITIES.name());
            stack.moveGroupToEnd("activity-service", Topics.SALES_ACTIVITIES.name());
            stack.startServices(Map.of("gateway", Map.of(), "activity-service", Map.of(), "incentive-service",
                    Map.of()), Duration.ofMinutes(10));
            Http http = new Http();
            String admin = http.devToken(stack.url("gateway"), Map.of("sub", "bench", "roles", List.of("ADMIN")));
            stack.awaitAuthenticated("gateway", "/api/activities/whoami", admin, Duration.ofMinutes(2));
            stack.awaitAuthenticated("gateway", "/api/incentives/whoami", admin, Duration.ofMinutes(2));

            log("B3/B6: kpi-service catches up on " + sizes.last() + " events, timed at " + sizes);
            Map<Long, KpiReplay.Result> marks = replay.replay(admin, sizes, Duration.ofHours(6));
            marks.forEach((size, result) -> log(String.format("  %d events: %d timed in %.1f s, %.0f ev/s; %s", size,
                    result.events(), result.seconds(), result.eventsPerSecond(), result.usageSummary())));
            KpiReplay.Result aggregate = marks.get(mode.aggregateEvents());
            if (aggregate == null) {
                throw new IllegalStateException("kpi-service applied " + mode.aggregateEvents()
                        + " events before it reported UP: nothing left to time");
            }
            Map<Long, KpiReplay.Result> growth = new LinkedHashMap<>();
            mode.growthSizes().stream().filter(marks::containsKey).forEach(size -> growth.put(size, marks.get(size)));
            table.ratio("B3", "kpi-service catch-up, " + aggregate.events() + " events, durable and readable",
                    aggregate.eventsPerSecond(), "ev/s", "B1 consume", limit.consumed(), 0.25);
            table.ratio("B3", "kpi-service catch-up vs the Kafka Streams peer (exactly_once_v2)",
                    aggregate.eventsPerSecond(), "ev/s", "Streams", peer.eventsPerSecond(), 1.0);
            List<Long> marked = new ArrayList<>(marks.keySet());
            if (marked.size() >= 2) {
                KpiReplay.Result before = marks.get(marked.get(marked.size() - 2));
                KpiReplay.Result last = marks.get(marked.get(marked.size() - 1));
                double warmRate = (last.events() - before.events()) / (last.seconds() - before.seconds());
                table.fact("B3", "the same catch-up from event " + before.events() + " to " + last.events()
                        + " only (the JIT warmer)", warmRate, "ev/s");
            }
            Long smallest = growth.keySet().iterator().next();
            Long largest = new ArrayList<>(growth.keySet()).get(growth.size() - 1);
            for (Map.Entry<Long, KpiReplay.Result> entry : growth.entrySet()) {
                KpiReplay.Result result = entry.getValue();
                table.fact("B6", "kpi-service's first " + entry.getKey() + " events: wall time per event",
                        result.microsPerEvent(), "µs/ev");
                for (String service : KpiReplay.DRIVEN) {
                    table.fact("B6", service + ", first " + entry.getKey() + " events: CPU per event",
                            result.cpuMicrosPerEvent(service), "µs/ev");
                    table.fact("B6", service + ", first " + entry.getKey() + " events: peak RSS",
                            result.usage().get(service).peakRssBytes() / 1048576.0, "MB");
                }
            }
            table.ratioAtMost("B6", "cost per event at " + largest + " vs " + smallest,
                    growth.get(largest).microsPerEvent(), "µs/ev", "at " + smallest,
                    growth.get(smallest).microsPerEvent(), 1.2);

            log("kpi-service restarted on a fresh database, reading new events only (the catch-up's is dropped)");
            replay.restartFresh(admin);
            Ingest ingest = new Ingest(stack, workload);

            log("B2: " + mode.ingestBatches() + " batches of " + mode.batchSize() + " through the gateway");
            Ingest.Measured ingested = ingest.measure(admin, mode.ingestBatches(), mode.batchSize(), 4,
                    List.of("gateway", "activity-service", KpiReplay.SERVICE, "incentive-service"));
            table.ratio("B2", "batch ingestion through the gateway (202 = Kafka acknowledged)",
                    ingested.eventsPerSecond(), "ev/s", "B1 produce", limit.produced(), 0.25);
            ingested.cpuPerEvent().forEach((process, micros) -> table.fact("B2", "CPU per event meanwhile: "
                    + (process.equals("harness") ? "the harness's (" + stack.mongo().harnessHolds() + ")" : process + "'s"),
                    micros, "µs"));
            int cores = Runtime.getRuntime().availableProcessors();
            table.fact("B2", "ingestion were the " + cores + " cores the only limit (at these CPU costs, consumers "
                    + "included)", ingested.ceiling(cores), "ev/s");

            // B4 measures latency at its own steady rate, not behind what B2's burst left for kpi-service to apply.
            double ingestDrained = replay.awaitCaughtUp(admin, mode.drainWait());
            log(ingestDrained < 0 ? "  kpi-service still behind B2's events after " + mode.drainWait().toSeconds()
                    + " s; B4 starts beside its catch-up"
                    : String.format("  kpi-service caught up with B2's events %.0f s after B2 ended", ingestDrained));
            log("B4: " + mode.steadyRate() + " ev/s for " + mode.steadyFor().toSeconds() + " s with probes");
            SteadyLatency steady = new SteadyLatency(stack, workload, ingest);
            steady.publishPlan(admin);
            Map<String, String> stored = new LinkedHashMap<>();
            STORING.forEach(service -> stored.put(service, stack.url(service)));
            MongoCommands.Snapshot beforeSteady = MongoCommands.read(http, stored);
            SteadyLatency.Result latency = steady.measure(admin, mode.steadyRate(), mode.steadyFor(),
                    mode.probeThreads());
            List<MongoCommands.Spent> spent = MongoCommands.read(http, stored).since(beforeSteady, BUSIEST_COMMANDS);
            table.bound("B4", "steady load achieved (target " + mode.steadyRate() + " ev/s)", latency.achievedRate(),
                    "ev/s", mode.steadyRate() * 0.95, true);
            percentiles(table, "accepted → visible in the KPI API (" + latency.probes() + " probes, "
                    + latency.unseenVisible() + " not visible within " + SteadyLatency.VISIBLE_WAIT.toSeconds()
                    + " s, counted as that)", latency.visible(), 500);
            percentiles(table, "accepted → IncentiveAwarded on Kafka (" + latency.unseenAwards() + " not seen within "
                    + SteadyLatency.AWARD_WAIT.toSeconds() + " s, counted as that)", latency.awarded(), 1000);
            LatencyChart.write(outDir.resolve("b4-latency.png"), outDir.resolve("b4-latencies.csv"), "B4: accepted → visible / awarded, "
                    + mode.steadyRate() + " ev/s steady load (" + mode.name() + ")", Map.of(
                    "accepted → visible in the KPI API", latency.visible(),
                    "accepted → IncentiveAwarded", latency.awarded()));
            for (MongoCommands.Spent commands : spent) {
                table.fact("B4", String.format("MongoDB time during B4, %s: %s on %s (%,d commands)",
                        commands.key().service(), commands.key().command(), commands.key().collection(),
                        commands.commands()), commands.seconds(), "s");
            }
            for (DocumentSizes.Sizes collection : DocumentSizes.largest(stack.mongo().uri(), DOCUMENT_SAMPLE,
                    LARGEST_COLLECTIONS)) {
                table.fact("B4", String.format("documents after B4, %s (%,d; largest in a sample of %,d: %,.1f KB): "
                        + "average", collection.name(), collection.documents(), collection.sampled(),
                        collection.maxBytes() / 1024.0), collection.averageBytes() / 1024.0, "KB");
            }

            // B5 measures queries, not queries competing with a backlog B4 may have left behind.
            double drained = replay.awaitCaughtUp(admin, mode.drainWait());
            log(drained < 0 ? "  kpi-service still behind after " + mode.drainWait().toSeconds()
                    + " s; B5 runs beside its catch-up"
                    : String.format("  kpi-service caught up with B4's load %.0f s after it ended", drained));
            log("B5: rep scorecards at " + mode.connections() + " connections, gateway then kpi-service");
            Queries.Measured both = Queries.gatewayAndDirect(stack.url("gateway"), stack.url(KpiReplay.SERVICE),
                    admin, workload, mode.connections(), mode.querySeconds(), mode.queryWarmup(),
                    stack.process("gateway"), stack.process(KpiReplay.SERVICE));
            Queries.Result gateway = both.gateway();
            Queries.Result direct = both.direct();
            Queries.Warmup warm = both.warmup();
            table.bound("B5", "KPI queries through the gateway (" + gateway.errors() + " refused)",
                    gateway.requestsPerSecond(), "req/s", 1500, true);
            table.bound("B5", "  p50 through the gateway", gateway.p50(), "ms", 50, false);
            table.bound("B5", "  p99 through the gateway", gateway.p99(), "ms", 50, false);
            table.fact("B5", "KPI queries straight to kpi-service (" + direct.errors() + " refused)",
                    direct.requestsPerSecond(), "req/s");
            table.fact("B5", "  p50 straight to kpi-service", direct.p50(), "ms");
            table.fact("B5", "  p99 straight to kpi-service", direct.p99(), "ms");
            table.ratioAtMost("B5", "gateway overhead: direct req/s ÷ gateway req/s",
                    direct.requestsPerSecond(), "req/s", "gateway", gateway.requestsPerSecond(), 1.3);
            Queries.CpuPerRead cpu = both.cpu();
            table.fact("B5", "CPU per read: the gateway's", cpu.gateway(), "µs");
            table.fact("B5", "CPU per read: kpi-service's", cpu.kpiService(), "µs");
            table.fact("B5", "CPU per read: the harness's clients, through the gateway", cpu.clientThroughGateway(),
                    "µs");
            table.fact("B5", "CPU per read: the harness's clients, straight", cpu.clientDirect(), "µs");
            Queries.Ceilings ceilings = cpu.ceilings(cores);
            table.fact("B5", "overhead were both paths bound by the " + cores + " cores alone (direct ceiling "
                    + Math.round(ceilings.direct()) + " ÷ gateway ceiling " + Math.round(ceilings.gateway())
                    + " req/s)", ceilings.direct() / ceilings.gateway(), "×");
            table.fact("B5", "cold, the first warm-up slice: through the gateway", warm.gatewayCold(), "req/s");
            table.fact("B5", "cold, the first warm-up slice: straight to kpi-service", warm.directCold(), "req/s");
            table.fact("B5", "warm-up before measuring (" + warm.slices() + " pairs of slices)", warm.seconds(),
                    "s");
            if (gateway.errors() + direct.errors() > 0) {
                log("  B5: " + gateway.errors() + " errors through the gateway, " + direct.errors() + " direct");
            }
            write(table, KafkaLimit.seconds(started), mongo);
        }
        return table;
    }

    private static void percentiles(Table table, String path, Latencies latencies, double p99Goal) {
        table.fact("B4", path + ": p50", latencies.percentile(50), "ms");
        table.fact("B4", path + ": p95", latencies.percentile(95), "ms");
        table.bound("B4", path + ": p99", latencies.percentile(99), "ms", p99Goal, false);
        table.fact("B4", path + ": max", latencies.max(), "ms");
    }

    private void write(Table table, double seconds, String mongo) {
        String machine = machine();
        String text = "# Benchmark run (" + mode.name() + ")\n\n"
                + "- command: `" + command + "`\n"
                + "- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "- machine: " + machine + "\n"
                + "- MongoDB: " + mongo + "\n"
                + "- took: " + Math.round(seconds) + " s\n"
                + "- services' JVM options: `" + mode.jvmOptions() + "`\n\n"
                + table.markdown() + "\n![B4 latency distribution](b4-latency.png)\n";
        try {
            Files.writeString(outDir.resolve("results.md"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log("took " + Math.round(seconds) + " s; " + machine);
    }

    static String machine() {
        String memory = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0) + " GB";
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + memory + " RAM, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", load average at the end " + String.format("%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void log(String message) {
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
