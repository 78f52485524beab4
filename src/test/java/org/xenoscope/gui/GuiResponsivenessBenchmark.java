package org.xenoscope.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;
import org.xenoscope.asm.nasm.Assembler;
import org.xenoscope.debug.Command;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.SystemSpec;

/**
 * The responsiveness benchmark of the visual debugger (issue 5), a measurement and not a timed test. Opens the
 * main window with every standard panel on a guest that prints and makes hypercalls in an endless loop, then:
 * <ol>
 *   <li>runs it at unlimited speed, 2 s of warm-up (as JMH warms up: HotSpot compiles the panels' code meanwhile,
 *       and the first repaints stall longest) and then {@code RUN_SECONDS} measured, while a probe thread posts an
 *       empty task to the event dispatch thread every 5 ms and records how long each waited (the EDT's stalls):
 *       p50, p99, max, for each phase;</li>
 *   <li>pauses and does {@code STEPS} single steps, timing for each the refresh that brings the new snapshot into
 *       every panel (SessionController.refresh on the EDT): p50, p99, max.</li>
 * </ol>
 * Run under a display: {@code xvfb-run -a mvn -q test-compile exec:exec -Dexec.executable=java
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath org.xenoscope.gui.GuiResponsivenessBenchmark"}.
 */
public final class GuiResponsivenessBenchmark {
    static final int RUN_SECONDS = 10;
    static final int STEPS = 200;

    private GuiResponsivenessBenchmark() {
    }

    static final String GUEST = """
        %include "xen-elfnote.inc"
        section .text
        global _start
        _start:
            mov esp, stack_top
        .loop:
            inc dword [count]
            mov ebx, 0
            mov ecx, msg_len
            mov edx, msg
            call hypercall_page + 18 * 32
            mov ecx, 20000
        .spin:
            dec ecx
            jnz .spin
            jmp .loop
        section .text.hypercall_page progbits alloc exec nowrite align=4096
        hypercall_page: times 4096 db 0xC3
        section .data
        count: dd 0
        msg: db "tick", 10
        msg_len equ $ - msg
        section .note.Xen note alloc noexec nowrite align=4
            ELFNOTE "Xen", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page
            ELFNOTE "Xen", XEN_ELFNOTE_PAE_MODE, db "yes", 0
        section .bss
        stack: resb 4096
        stack_top:
        """;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("xsbench");
        Files.copy(Path.of("sample-guests/include/xen-elfnote.inc"), dir.resolve("xen-elfnote.inc"));
        Path src = Files.writeString(dir.resolve("ticker.asm"), GUEST);
        byte[] elf = Assembler.assembleFile(src, Assembler.Options.elf()).image();
        System.setProperty("xenoscope.settings", dir.resolve("settings.properties").toString());
        String exclude = System.getProperty("bench.exclude", ""); // titles to leave out, comma-separated
        MainWindow[] box = new MainWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            Settings settings = Settings.load();
            settings.theme().install();
            SessionController sc = new SessionController();
            List<View> views = new ArrayList<>(Views.standard(sc));
            views.removeIf(v -> List.of(exclude.split(",")).contains(v.title()));
            box[0] = new MainWindow(sc, views, settings);
            box[0].frame().setVisible(true);
        });
        MainWindow w = box[0];
        SessionController c = w.controller();
        SwingUtilities.invokeAndWait(() -> w.open("ticker.asm", SystemSpec.pv("ticker.elf", elf, 16, "")));
        System.out.println("panels: " + c.views().size() + " " + c.views().stream().map(View::title).toList());
        runPhase(c, 2, "warm-up (HotSpot compiles the panels' code)");
        runPhase(c, RUN_SECONDS, "measured");
        stepPhase(c);
        SwingUtilities.invokeAndWait(() -> w.frame().dispose());
        c.close();
        System.exit(0);
    }

    private static void runPhase(SessionController c, int seconds, String what) throws Exception {
        c.post(new Command.SetSpeed(0));
        c.post(new Command.Continue());
        List<Long> waits = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] edt = new Thread[1];
        SwingUtilities.invokeAndWait(() -> edt[0] = Thread.currentThread());
        java.util.Map<String, Integer> samples = new java.util.TreeMap<>();
        java.util.List<Object[]> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread sampler = new Thread(() -> {
            while (System.nanoTime() < end) {
                StackTraceElement[] st = edt[0].getStackTrace();
                String where = "idle";
                for (StackTraceElement f : st) {
                    String cl = f.getClassName();
                    if (cl.startsWith("org.xenoscope") || cl.startsWith("org.jfree.chart.renderer")
                        || cl.startsWith("javax.swing.text") || cl.startsWith("javax.swing.JTable")) {
                        where = cl.replaceAll(".*\\.", "") + "." + f.getMethodName();
                        break;
                    }
                }
                if (st.length > 0 && !st[0].getMethodName().equals("park") && !st[0].getMethodName().contains("wait")) {
                    samples.merge(where, 1, Integer::sum);
                    timeline.add(new Object[] {System.nanoTime(), where});
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        if (Boolean.getBoolean("bench.sample")) {
            sampler.start();
        }
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            AtomicLong ran = new AtomicLong();
            SwingUtilities.invokeAndWait(() -> ran.set(System.nanoTime()));
            waits.add(ran.get() - posted);
            if (ran.get() - posted > 40_000_000L && Boolean.getBoolean("bench.sample")) {
                long a = posted;
                long b = ran.get();
                java.util.Map<String, Integer> in = new java.util.TreeMap<>();
                synchronized (timeline) {
                    for (Object[] t : timeline) {
                        if ((Long) t[0] >= a && (Long) t[0] <= b) {
                            in.merge((String) t[1], 1, Integer::sum);
                        }
                    }
                }
                System.out.printf("  stall %.1f ms at %.2f s: %s%n", (b - a) / 1e6, (a - (end
                    - seconds * 1_000_000_000L)) / 1e9, in);
            }
            Thread.sleep(5); // the probe's own pace, not a wait for the system under test
        }
        Snapshot s = c.session().latest();
        c.post(new Command.Pause());
        while (c.session().latest().running()) {
            Thread.onSpinWait();
        }
        System.out.printf("%s: run at unlimited speed for %d s: %,d cycles, EDT probe waits (ms) %s%n", what,
            seconds, s.cycles(), stats(waits));
        if (Boolean.getBoolean("bench.sample")) {
            sampler.join();
            samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
                .forEach(e -> System.out.println("  EDT busy in " + e.getKey() + ": " + e.getValue() + " samples"));
        }
    }

    private static void stepPhase(SessionController c) throws Exception {
        while (c.session().latest().running()) {
            Thread.onSpinWait();
        }
        List<Long> refresh = new ArrayList<>();
        Snapshot[] lastShown = {c.shown()};
        for (int i = 0; i < STEPS; i++) {
            long before = c.session().latest().cycles();
            c.post(new Command.Step());
            while (c.session().latest().cycles() == before) {
                Thread.onSpinWait();
            }
            AtomicLong took = new AtomicLong();
            SwingUtilities.invokeAndWait(() -> {
                Snapshot now = c.session().latest();
                long t0 = System.nanoTime();
                for (View v : c.views()) { // what one refresh does for a new snapshot after a step
                    v.update(now, lastShown[0]);
                }
                took.set(System.nanoTime() - t0);
                lastShown[0] = now;
            });
            refresh.add(took.get());
        }
        System.out.printf("step mode: %d steps, refresh of every panel (ms) %s%n", STEPS, stats(refresh));
        SwingUtilities.invokeAndWait(() -> {
            Snapshot s = c.session().latest();
            for (View v : c.views()) {
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    v.update(s, null);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("  %-12s %.2f ms%n", v.title(), best / 1e6);
            }
        });
    }

    private static String stats(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return String.format("p50 %.2f  p99 %.2f  max %.2f  (n=%d)", s.get(s.size() / 2) / 1e6,
            s.get((int) (s.size() * 0.99)) / 1e6, s.get(s.size() - 1) / 1e6, s.size());
    }
}
