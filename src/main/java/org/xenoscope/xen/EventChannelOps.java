package org.xenoscope.xen;

import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.EvtchnOp;
import org.xenoscope.xen.abi.EvtchnStat;

/**
 * {@code event_channel_op(cmd, arg)} (#32) and the Xen 3.0 form {@code event_channel_op_compat(op)} (#16, whose
 * argument is {@code evtchn_op_t { u32 cmd; union u; }}). The argument structs (i386 offsets):
 *
 * <pre>
 *  alloc_unbound    { u16 dom; u16 remote_dom; u32 port OUT }
 *  bind_interdomain { u16 remote_dom; u32 remote_port @4; u32 local_port @8 OUT }
 *  bind_virq        { u32 virq; u32 vcpu; u32 port OUT }        bind_ipi { u32 vcpu; u32 port OUT }
 *  close / send / unmask { u32 port }                           bind_vcpu { u32 port; u32 vcpu }
 *  status           { u16 dom; u32 port @4; u32 status @8 OUT; u32 vcpu @12 OUT; union @16 OUT }
 * </pre>
 */
final class EventChannelOps {
    private EventChannelOps() {
    }

    static void register(Hypercalls h) {
        h.register("event_channel_op", c -> op(c, c.arg(0), c.arg(1)));
        h.register("event_channel_op_compat", c -> op(c, c.mem().read32(c.arg(0)), c.arg(0) + 4));
    }

    /** Contract: runs EVTCHNOP {@code cmd} on the struct at {@code a}; see the class comment for the errors. */
    static int op(Call c, int cmd, int a) {
        Domain d = c.domain();
        Events ev = c.hv().events();
        switch (cmd) {
            case EvtchnOp.EVTCHNOP_ALLOC_UNBOUND -> {
                Domain owner = self(c, c.mem().read16(a));
                int remote = c.mem().read16(a + 2);
                int port = ev.allocUnbound(owner, remote == DomId.DOMID_SELF ? d.id() : remote);
                c.mem().write32(a + 4, port);
            }
            case EvtchnOp.EVTCHNOP_BIND_INTERDOMAIN -> {
                int remote = c.mem().read16(a);
                int port = ev.bindInterdomain(d, remote == DomId.DOMID_SELF ? d.id() : remote, c.mem().read32(a + 4));
                c.mem().write32(a + 8, port);
            }
            case EvtchnOp.EVTCHNOP_BIND_VIRQ -> c.mem().write32(a + 8,
                ev.bindVirq(d, c.mem().read32(a), c.mem().read32(a + 4)));
            case EvtchnOp.EVTCHNOP_BIND_IPI -> c.mem().write32(a + 4, ev.bindIpi(d, c.mem().read32(a)));
            case EvtchnOp.EVTCHNOP_BIND_PIRQ -> throw new HypercallError(Errno.EPERM,
                "physical IRQs are for I/O-capable domains");
            case EvtchnOp.EVTCHNOP_CLOSE -> ev.close(d, c.mem().read32(a));
            case EvtchnOp.EVTCHNOP_SEND -> ev.send(d, c.mem().read32(a));
            case EvtchnOp.EVTCHNOP_STATUS -> status(c, a);
            case EvtchnOp.EVTCHNOP_BIND_VCPU -> {
                int port = c.mem().read32(a);
                if (c.mem().read32(a + 4) != 0) {
                    throw new HypercallError(Errno.ENOENT, "one VCPU per domain");
                }
                if (port <= 0 || port >= Domain.NR_EVENT_CHANNELS
                    || d.port(port).state() == EventChannel.State.FREE) {
                    throw new HypercallError(Errno.EINVAL, "bad port " + port);
                }
            }
            case EvtchnOp.EVTCHNOP_UNMASK -> ev.unmask(d, c.mem().read32(a));
            case EvtchnOp.EVTCHNOP_INIT_CONTROL -> {
                long gfn = c.mem().read64(a);
                if (gfn < 0 || gfn >= d.nrPages()) {
                    throw new HypercallError(Errno.EINVAL, "control block gfn " + gfn + " is not the guest's");
                }
                throw new HypercallError(Errno.ENOSYS, "only the 2-level event-channel ABI is available");
            }
            default -> throw new HypercallError(Errno.ENOSYS, "unknown event_channel_op command " + cmd);
        }
        return 0;
    }

    /** The domain a {@code dom} field names: the caller for DOMID_SELF or its own id, else -EPERM for a domU. */
    private static Domain self(Call c, int dom) {
        Domain d = c.domain();
        if (dom == DomId.DOMID_SELF || dom == d.id()) {
            return d;
        }
        if (!d.privileged()) {
            throw new HypercallError(Errno.EPERM, "d" + d.id() + " may not act on d" + dom);
        }
        Domain t = c.hv().domain(dom);
        if (t == null) {
            throw new HypercallError(Errno.ESRCH, "no domain " + dom);
        }
        return t;
    }

    private static void status(Call c, int a) {
        Domain t = self(c, c.mem().read16(a));
        int port = c.mem().read32(a + 4);
        if (port < 0 || port >= Domain.NR_EVENT_CHANNELS) {
            throw new HypercallError(Errno.EINVAL, "bad port " + port);
        }
        EventChannel ch = t.port(port);
        int st;
        int w0 = 0;
        int w1 = 0;
        switch (ch.state()) {
            case UNBOUND -> {
                st = EvtchnStat.EVTCHNSTAT_UNBOUND;
                w0 = ch.remoteDom();
            }
            case INTERDOMAIN -> {
                st = EvtchnStat.EVTCHNSTAT_INTERDOMAIN;
                w0 = ch.remoteDom();
                w1 = ch.remotePort();
            }
            case VIRQ -> {
                st = EvtchnStat.EVTCHNSTAT_VIRQ;
                w0 = ch.virq();
            }
            case IPI -> st = EvtchnStat.EVTCHNSTAT_IPI;
            case PIRQ -> st = EvtchnStat.EVTCHNSTAT_PIRQ;
            default -> st = EvtchnStat.EVTCHNSTAT_CLOSED;
        }
        c.mem().write32(a + 8, st);
        c.mem().write32(a + 12, ch.notifyVcpu());
        c.mem().write32(a + 16, w0);
        c.mem().write32(a + 20, w1);
    }
}
