package org.xenoscope.xen.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One hypervisor entry. Every kind carries {@link #seq()}, {@link #time()} (virtual cycles) and the domain; the
 * kinds add what a student needs to follow it. {@link #toJson()} renders one JSON object (one line).
 */
public sealed interface TraceEvent {
    long seq();

    long time();

    int domain();

    /** The JSON {@code "type"} value: hypercall, exception, emulate, event, upcall, shutdown, crash, switch, ... */
    String type();

    /** A one-line human summary, as the CLI and the debugger print it. */
    String summary();

    /** The kind's own fields, in order (the common ones are added by {@link #toJson()}). */
    Map<String, Object> fields();

    /** The event as one JSON object: seq, time, type, domain, then {@link #fields()}. */
    default String toJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("seq", seq());
        all.put("time", time());
        all.put("type", type());
        all.put("domain", domain());
        all.putAll(fields());
        return Json.object(all);
    }

    /** A hypercall: number, name, the five argument registers, the decoded call and the result (EAX). */
    record Hypercall(long seq, long time, int domain, int eip, int number, String name, int[] args, String call,
                     int result, String resultText) implements TraceEvent {
        public Hypercall {
            args = args.clone();
        }

        @Override
        public int[] args() {
            return args.clone();
        }

        public String type() {
            return "hypercall";
        }

        public String summary() {
            return call + " = " + resultText;
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eip", Json.hex(eip));
            m.put("nr", number);
            m.put("name", name);
            m.put("args", Json.hexArray(args));
            m.put("call", call);
            m.put("result", result);
            m.put("result_text", resultText);
            return m;
        }
    }

    /**
     * An exception the hypervisor received and bounced to the guest's handler (or could not: then
     * {@code handlerEip} is 0 and a {@link Crash} follows).
     */
    record Exception(long seq, long time, int domain, int vector, String name, int errorCode, boolean hasErrorCode,
                     int eip, int cr2, int handlerCs, int handlerEip) implements TraceEvent {
        public String type() {
            return "exception";
        }

        public String summary() {
            String ec = hasErrorCode ? String.format("(0x%x)", errorCode) : "";
            String where = String.format(" at eip=0x%08x", eip);
            String pf = vector == 14 ? String.format(" cr2=0x%08x", cr2) : "";
            return name + ec + where + pf + String.format(" -> %04x:%08x", handlerCs, handlerEip);
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vector", vector);
            m.put("name", name);
            m.put("error_code", hasErrorCode ? Json.hex(errorCode) : null);
            m.put("eip", Json.hex(eip));
            if (vector == 14) {
                m.put("cr2", Json.hex(cr2));
            }
            m.put("handler", String.format("%04x:%08x", handlerCs, handlerEip));
            return m;
        }
    }

    /** A privileged instruction the hypervisor emulated for the guest (it did not reach the guest). */
    record Emulate(long seq, long time, int domain, int eip, String instruction, String detail)
        implements TraceEvent {
        public String type() {
            return "emulate";
        }

        public String summary() {
            return "emulated " + instruction + " at " + Json.hex(eip) + (detail.isEmpty() ? "" : ": " + detail);
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eip", Json.hex(eip));
            m.put("instruction", instruction);
            m.put("detail", detail);
            return m;
        }
    }

    /** An event-channel port set pending in {@code domain} (from {@code fromDomain}, or Xen itself: -1). */
    record Event(long seq, long time, int domain, int port, int fromDomain, String why) implements TraceEvent {
        public String type() {
            return "event";
        }

        public String summary() {
            return "port " + port + " pending (" + why + ")";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", port);
            m.put("from", fromDomain);
            m.put("why", why);
            return m;
        }
    }

    /** An event upcall: the hypervisor entered the guest's event callback. */
    record Upcall(long seq, long time, int domain, int eip, int callbackCs, int callbackEip) implements TraceEvent {
        public String type() {
            return "upcall";
        }

        public String summary() {
            return String.format("event upcall from eip=0x%08x -> %04x:%08x", eip, callbackCs, callbackEip);
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eip", Json.hex(eip));
            m.put("callback", String.format("%04x:%08x", callbackCs, callbackEip));
            return m;
        }
    }

    /**
     * A page-type decision (memory virtualisation): the operation, the request, the rule that decided it (or
     * "accepted"), and the frame's type and counts before and after. Its type is "validation" when accepted and
     * "refused" otherwise.
     */
    final class Validation implements TraceEvent {
        private final long seq;
        private final long time;
        private final int domain;
        private final boolean accepted;
        private final String op;
        private final String rule;
        private final int mfn;
        private final long entry;
        private Supplier<String> requestText;
        private Supplier<String> beforeText;
        private Supplier<String> afterText;
        private String request;
        private String before;
        private String after;

        /** An event whose texts are given. */
        public Validation(long seq, long time, int domain, boolean accepted, String op, String request, String rule,
                          int mfn, long entry, String before, String after) {
            this(seq, time, domain, accepted, op, () -> request, rule, mfn, entry, () -> before, () -> after);
        }

        /**
         * An event whose request and frame-state texts are formatted when first read (a batch of validated updates
         * costs no formatting unless someone looks); each supplier must capture the values it formats.
         */
        public Validation(long seq, long time, int domain, boolean accepted, String op, Supplier<String> request,
                          String rule, int mfn, long entry, Supplier<String> before, Supplier<String> after) {
            this.seq = seq;
            this.time = time;
            this.domain = domain;
            this.accepted = accepted;
            this.op = op;
            this.requestText = request;
            this.rule = rule;
            this.mfn = mfn;
            this.entry = entry;
            this.beforeText = before;
            this.afterText = after;
        }

        public long seq() {
            return seq;
        }

        public long time() {
            return time;
        }

        public int domain() {
            return domain;
        }

        public boolean accepted() {
            return accepted;
        }

        public String op() {
            return op;
        }

        /** The request in words, e.g. "entry at 0x1a3008 = 0x4c2063". */
        public String request() {
            if (request == null) {
                request = requestText.get();
                requestText = null;
            }
            return request;
        }

        /** The rule that decided ("accepted", or why it was refused). */
        public String rule() {
            return rule;
        }

        public int mfn() {
            return mfn;
        }

        /** Machine address of the page-table entry the request writes, -1 for none. */
        public long entry() {
            return entry;
        }

        /** The frame's type and counts before the request. */
        public String before() {
            if (before == null) {
                before = beforeText.get();
                beforeText = null;
            }
            return before;
        }

        /** The frame's type and counts after the request. */
        public String after() {
            if (after == null) {
                after = afterText.get();
                afterText = null;
            }
            return after;
        }

        public String type() {
            return accepted ? "validation" : "refused";
        }

        public String summary() {
            return op + " " + request() + ": " + (accepted ? "accepted" : "refused: " + rule);
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accepted", accepted);
            m.put("op", op);
            m.put("request", request());
            m.put("rule", rule);
            m.put("mfn", Json.hex(mfn));
            m.put("entry", entry < 0 ? null : String.format("0x%x", entry));
            m.put("before", before());
            m.put("after", after());
            return m;
        }

        @Override
        public String toString() {
            return "Validation[seq=" + seq + ", " + summary() + "]";
        }
    }

    /** The domain shut itself down (SCHEDOP_shutdown) with a reason. */
    record Shutdown(long seq, long time, int domain, int code, String reason) implements TraceEvent {
        public String type() {
            return "shutdown";
        }

        public String summary() {
            return "domain shut down: " + reason;
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("reason", reason);
            return m;
        }
    }

    /**
     * The scheduler switched the CPU from domain {@code from} to domain {@code domain} (Xen's
     * {@code context_switch()}): why names the cause (slice, yield, block, end).
     */
    record Switch(long seq, long time, int domain, int from, String why) implements TraceEvent {
        public String type() {
            return "switch";
        }

        public String summary() {
            return "context switch d" + from + " -> d" + domain + " (" + why + ")";
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from);
            m.put("why", why);
            return m;
        }
    }

    /** The hypervisor killed the domain (the paper's rule for faults while building a bounce frame, ...). */
    record Crash(long seq, long time, int domain, int eip, String reason) implements TraceEvent {
        public String type() {
            return "crash";
        }

        public String summary() {
            return "domain killed: " + reason;
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eip", Json.hex(eip));
            m.put("reason", reason);
            return m;
        }
    }
}
