package org.xenoscope.debug;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mmu.SegmentCache;
import org.xenoscope.xen.trace.Trace;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * A SHA-256 over everything a run's future depends on and everything a user sees: all of RAM, the register file
 * with descriptor caches, control and debug registers, the cycle count, every domain with its state and console,
 * and the trace. Equal digests mean bit-identical simulations; the reverse-execution tests compare them.
 */
public final class StateDigest {
    private StateDigest() {
    }

    /** Contract: the digest of {@code t} now, as hex (call on the simulation thread). */
    public static String of(Target t) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(t.machine().memory().array());
        Cpu c = t.cpu();
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putLong(t.cycles()).putInt(c.eip()).putInt(c.eflags()).putInt(c.cpl());
        for (int i = 0; i < 8; i++) {
            b.putInt(c.reg(i)).putInt(c.dr[i]);
        }
        for (int i = 0; i < 6; i++) {
            SegmentCache s = c.seg(i);
            b.putInt(s.selector).putInt(s.base).putInt(s.limit).putInt(s.access);
        }
        b.putInt(c.cr(0)).putInt(c.cr(2)).putInt(c.cr(3)).putInt(c.cr(4));
        b.putInt(c.gdtBase).putInt(c.gdtLimit).putInt(c.idtBase).putInt(c.idtLimit);
        md.update(b.array(), 0, b.position());
        for (Snapshot.DomainView d : t.domains()) {
            md.update(d.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        org.xenoscope.xen.Hypervisor hv = t.hypervisor();
        if (hv != null) { // the register state of the domains that are off the CPU
            for (org.xenoscope.xen.Domain d : hv.domains()) {
                if (d != hv.current()) {
                    md.update(d.vcpu(0).savedContext().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        Trace tr = t.trace();
        if (tr != null) {
            for (TraceEvent e : tr.events()) {
                md.update(e.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
