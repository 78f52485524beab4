package org.xenoscope.xen;

import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.SharedInfo;
import org.xenoscope.xen.abi.VcpuInfo;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * Event channels, the hypervisor side (paper §3.1, Xen's event_channel.c): ports, their bindings, setting a port
 * pending with the four ordered steps, and delivering the upcall on the way back to a guest.
 *
 * <pre>
 *  set pending (port p of domain d):
 *   1. test-and-set evtchn_pending[p]            already set    -> stop (the edge is already recorded)
 *   2. evtchn_mask[p] set?                       masked         -> stop (pending stays for later)
 *   3. test-and-set bit p/32 of vcpu_info.evtchn_pending_sel   already set -> stop
 *   4. evtchn_upcall_pending = 1, wake the VCPU if it blocked
 *  upcall (on every return to the guest): upcall_mask == 0 and upcall_pending == 1
 *                                          -> bounce to the event callback, upcall_mask = 1
 * </pre>
 */
public final class Events {
    private final Hypervisor hv;

    Events(Hypervisor hv) {
        this.hv = hv;
    }

    /**
     * Contract: sets port {@code port} of {@code d} pending (the four steps above), records a trace event, hands
     * the port to the domain's Java event sink if it has one (Domain 0's daemons), and wakes the domain if step 4
     * was reached. {@code from} is the sending domain or -1 for Xen itself.
     */
    public void setPending(Domain d, int port, int from, String why) {
        hv.emit(seq -> new TraceEvent.Event(seq, hv.now(), d.id(), port, from, why));
        SharedInfo s = d.sharedInfo();
        boolean reachedVcpu = !s.testAndSetPending(port) && !s.isMasked(port) && markVcpuPending(d, port);
        if (d.eventSink != null) {
            d.eventSink.accept(port);
        } else if (reachedVcpu) {
            hv.wake(d);
        }
    }

    /**
     * Contract: EVTCHNOP_send from {@code d} on {@code port}: an interdomain port sets the peer's port pending, an
     * IPI port the local one; an unbound port drops the notification; a free, reserved or VIRQ port is -EINVAL.
     */
    public void send(Domain d, int port) {
        EventChannel ch = checkPort(d, port);
        switch (ch.state) {
            case INTERDOMAIN -> {
                Domain peer = hv.domain(ch.remoteDom);
                if (peer != null && !peer.dead()) {
                    setPending(peer, ch.remotePort, d.id(), "send from d" + d.id() + " port " + port);
                }
            }
            case IPI -> setPending(d, port, d.id(), "IPI");
            case UNBOUND -> { }
            default -> throw new HypercallError(Errno.EINVAL, "port " + port + " cannot send (" + ch.state + ")");
        }
    }

    /** Contract: the lowest free port of {@code d}, made UNBOUND for {@code remoteDom}; -ENOSPC when none is free. */
    public int allocUnbound(Domain d, int remoteDom) {
        int p = freePort(d);
        EventChannel ch = d.ports[p];
        ch.state = EventChannel.State.UNBOUND;
        ch.remoteDom = remoteDom;
        return p;
    }

    /**
     * Contract: binds a new port of {@code d} to {@code remoteDom}'s UNBOUND port {@code remotePort}, which must
     * accept {@code d} (else -EINVAL; -ESRCH for no such domain). Both ends become INTERDOMAIN; the new local port
     * is set pending once, covering notifications sent while the other end was unbound. Returns the local port.
     */
    public int bindInterdomain(Domain d, int remoteDom, int remotePort) {
        Domain r = hv.domain(remoteDom);
        if (r == null) {
            throw new HypercallError(Errno.ESRCH, "no domain " + remoteDom);
        }
        EventChannel rc = checkPort(r, remotePort);
        if (rc.state != EventChannel.State.UNBOUND || rc.remoteDom != d.id()) {
            throw new HypercallError(Errno.EINVAL, "port " + remotePort + " of d" + remoteDom
                + " is not waiting for d" + d.id());
        }
        int p = freePort(d);
        EventChannel lc = d.ports[p];
        lc.state = EventChannel.State.INTERDOMAIN;
        lc.remoteDom = remoteDom;
        lc.remotePort = remotePort;
        rc.state = EventChannel.State.INTERDOMAIN;
        rc.remoteDom = d.id();
        rc.remotePort = p;
        setPending(d, p, -1, "bind_interdomain");
        return p;
    }

    /** Contract: binds VIRQ {@code virq} on VCPU 0 of {@code d} to a new port; -EEXIST when already bound. */
    public int bindVirq(Domain d, int virq, int vcpu) {
        if (virq < 0 || virq >= 24) {
            throw new HypercallError(Errno.EINVAL, "no VIRQ " + virq);
        }
        if (vcpu != 0) {
            throw new HypercallError(Errno.ENOENT, "no VCPU " + vcpu);
        }
        for (EventChannel ch : d.ports) {
            if (ch.state == EventChannel.State.VIRQ && ch.virq == virq) {
                throw new HypercallError(Errno.EEXIST, "VIRQ " + virq + " is already bound");
            }
        }
        int p = freePort(d);
        d.ports[p].state = EventChannel.State.VIRQ;
        d.ports[p].virq = virq;
        return p;
    }

    /** Contract: a new port of {@code d} for IPIs to its own VCPU {@code vcpu} (-ENOENT for another VCPU). */
    public int bindIpi(Domain d, int vcpu) {
        if (vcpu != 0) {
            throw new HypercallError(Errno.ENOENT, "no VCPU " + vcpu);
        }
        int p = freePort(d);
        d.ports[p].state = EventChannel.State.IPI;
        return p;
    }

    /**
     * Contract: closes {@code port} of {@code d}: it becomes FREE; an INTERDOMAIN peer goes back to UNBOUND
     * (waiting for {@code d} again). A free or reserved port is -EINVAL.
     */
    public void close(Domain d, int port) {
        EventChannel ch = checkPort(d, port);
        if (ch.state == EventChannel.State.FREE || ch.state == EventChannel.State.RESERVED) {
            throw new HypercallError(Errno.EINVAL, "port " + port + " is not in use");
        }
        if (ch.state == EventChannel.State.INTERDOMAIN) {
            Domain peer = hv.domain(ch.remoteDom);
            if (peer != null) {
                EventChannel pc = peer.ports[ch.remotePort];
                pc.state = EventChannel.State.UNBOUND;
                pc.remoteDom = d.id();
                pc.remotePort = 0;
            }
        }
        ch.reset();
    }

    /**
     * Contract: EVTCHNOP_unmask: clears the mask bit; if the port is pending, redoes steps 3 and 4, so an event
     * that arrived while masked is delivered now.
     */
    public void unmask(Domain d, int port) {
        checkPort(d, port);
        SharedInfo s = d.sharedInfo();
        s.setMasked(port, false);
        if (s.isPending(port) && markVcpuPending(d, port)) {
            hv.wake(d);
        }
    }

    /**
     * Steps 3 and 4 of setting {@code port} pending: sets its bit in the notified VCPU's evtchn_pending_sel and,
     * when that bit was clear, evtchn_upcall_pending. Returns true when step 4 was reached.
     */
    private static boolean markVcpuPending(Domain d, int port) {
        VcpuInfo v = d.vcpuInfo(d.ports[port].notifyVcpu);
        int sel = v.pendingSel();
        int bit = 1 << (port >>> 5);
        if ((sel & bit) != 0) {
            return false;
        }
        v.setPendingSel(sel | bit);
        v.setUpcallPending(true);
        return true;
    }

    /** Sends VIRQ {@code virq} to {@code d} if it bound it (Xen's send_guest_vcpu_virq). */
    public void sendVirq(Domain d, int virq) {
        for (int p = 1; p < d.ports.length; p++) {
            if (d.ports[p].state == EventChannel.State.VIRQ && d.ports[p].virq == virq) {
                setPending(d, p, -1, "VIRQ " + virq);
                return;
            }
        }
    }

    /**
     * Contract: Xen's check on the way back to the guest: with upcalls unmasked and one pending, bounces to the
     * registered event callback (masking upcalls). Does nothing without a callback (the event stays pending).
     */
    void deliverUpcall(Domain d) {
        VcpuInfo v = d.vcpuInfo(0);
        Vcpu.Callback cb = d.vcpu0.eventCallback;
        if (cb == null || v.upcallMask() || !v.upcallPending() || d.dead()) {
            return;
        }
        int eip = hv.cpu().eip();
        hv.emit(seq -> new TraceEvent.Upcall(seq, hv.now(), d.id(), eip, cb.cs(), cb.eip()));
        hv.bounce().enter(d, "event upcall", cb.cs(), cb.eip(), true, false, 0, eip);
    }

    /** Domain {@code d}'s channel {@code port}; -EINVAL when the number is out of range. */
    static EventChannel checkPort(Domain d, int port) {
        if (port < 0 || port >= Domain.NR_EVENT_CHANNELS) {
            throw new HypercallError(Errno.EINVAL, "bad port " + port);
        }
        return d.ports[port];
    }

    private int freePort(Domain d) {
        for (int p = 1; p < d.ports.length; p++) {
            if (d.ports[p].state == EventChannel.State.FREE) {
                return p;
            }
        }
        throw new HypercallError(Errno.ENOSPC, "no free event-channel port");
    }
}
