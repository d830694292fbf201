package org.plauder.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a process costs, read from outside as an operator would: CPU time and RSS from
 * {@code /proc/<pid>}, heap from {@code jstat} (the JVM's perf counters, no safepoint) and a
 * full GC through {@code jcmd}. For this very JVM (the smoke test's in-process server) the heap
 * comes from its own memory bean instead.
 */
final class Probe {

  /** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s. */
  private static final double TICKS_PER_SECOND = 100.0;

  private Probe() {}

  /** CPU time used so far by these processes, in seconds. */
  static double cpuSeconds(List<Long> pids) {
    double total = 0;
    for (long pid : pids) {
      total += cpuSeconds(pid);
    }
    return total;
  }

  static double cpuSeconds(long pid) {
    return cpuOfStat(read(Path.of("/proc", Long.toString(pid), "stat")));
  }

  /** User plus system time of a /proc stat line, in seconds. */
  private static double cpuOfStat(String stat) {
    // The command name in parentheses may contain spaces; the fields after it are fixed.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds per thread name of a process so far (Linux shows a Java thread's name cut to 15
   * characters, e.g. "mongo-server-wo"; numbered threads of one pool stay apart).
   */
  static Map<String, Double> cpuSecondsByThread(long pid) {
    Map<String, Double> byName = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
          byName.merge(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuOfStat(stat), Double::sum);
        } catch (IOException | RuntimeException threadEnded) {
          // a thread that ended between the listing and the read
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the threads of process " + pid, e);
    }
    return byName;
  }

  /** Resident set size in KiB. */
  static long rssKb(long pid) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  /**
   * A process's heap in KiB: all of it in use, and the part outside the young generation's eden,
   * i.e. what survived at least one collection (the survivor spaces and the old generation). Eden
   * fills with the garbage of a few milliseconds of work up to a size the collector chooses; what
   * a server really holds on to shows in the second figure.
   */
  record Heap(long usedKb, long survivedKb) {}

  /** Heap in use, in KiB; after a full GC when {@code collectFirst}, i.e. what is really live. */
  static long heapUsedKb(long pid, boolean collectFirst) {
    return heap(pid, collectFirst).usedKb();
  }

  static Heap heap(long pid, boolean collectFirst) {
    if (pid == ProcessHandle.current().pid()) {
      if (collectFirst) {
        System.gc();
      }
      long used = 0;
      long survived = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          long kb = pool.getUsage().getUsed() >> 10;
          used += kb;
          survived += pool.getName().contains("Eden") ? 0 : kb;
        }
      }
      return new Heap(used, survived);
    }
    if (collectFirst) {
      run("jcmd", Long.toString(pid), "GC.run");
    }
    return jstatHeap(run("jstat", "-gc", Long.toString(pid)));
  }

  /**
   * The used columns of {@code jstat -gc} output: survivors, eden and old for the whole; survivors and old for what survived.
   * A collector without generations (ZGC) shows "-" for the young columns and its whole heap as old.
   */
  static Heap jstatHeap(String output) {
    String[] lines = output.trim().split("\n");
    List<String> header = Arrays.asList(lines[0].trim().split("\\s+"));
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    Map<String, Double> used = new HashMap<>();
    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
      String value = values[header.indexOf(column)];
      used.put(column, value.equals("-") ? 0 : Double.parseDouble(value));
    }
    double survived = used.get("S0U") + used.get("S1U") + used.get("OU");
    return new Heap(Math.round(survived + used.get("EU")), Math.round(survived));
  }

  /** Samples a process's heap in the background (for a peak during an export); stop() gives the highest of each figure seen, KiB. */
  static final class HeapPeak {
    private final AtomicLong usedPeak = new AtomicLong();
    private final AtomicLong survivedPeak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapPeak(long pid, long everyMillis) {
      sampler = new Thread(() -> {
        while (running) {
          Heap heap = heap(pid, false);
          usedPeak.accumulateAndGet(heap.usedKb(), Math::max);
          survivedPeak.accumulateAndGet(heap.survivedKb(), Math::max);
          try {
            Thread.sleep(everyMillis);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-peak");
      sampler.setDaemon(true);
      sampler.start();
    }

    Heap stop() throws InterruptedException {
      running = false;
      sampler.join(10_000);
      return new Heap(usedPeak.get(), survivedPeak.get());
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + " (has the process ended?)", e);
    }
  }

  private static String run(String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    // The tools of the JDK that runs us, so the attach and perf-data formats match the target's.
    Path tool = Path.of(System.getProperty("java.home"), "bin", command[0]);
    if (Files.isExecutable(tool)) {
      cmd.set(0, tool.toString());
    }
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd.get(0) + " (a JDK's bin must be on the PATH)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
