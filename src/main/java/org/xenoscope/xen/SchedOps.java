package org.xenoscope.xen;

import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.SchedOp;
import org.xenoscope.xen.abi.ShutdownReason;

/**
 * {@code sched_op(cmd, arg)} (#29, argument structs by pointer) and {@code sched_op_compat(cmd, arg)} (#6, Xen
 * 3.0's form: the shutdown reason is the argument itself): yield, block, shutdown, poll.
 *
 * <pre>
 *  struct sched_shutdown { u32 reason; }                          SHUTDOWN_poweroff 0, reboot 1, suspend 2, crash 3
 *  struct sched_poll { u32 ports (pointer); u32 nr_ports; u64 timeout; }
 * </pre>
 */
final class SchedOps {
    private SchedOps() {
    }

    static void register(Hypercalls h) {
        h.register("sched_op", c -> schedOp(c, false));
        h.register("sched_op_compat", c -> schedOp(c, true));
    }

    /** Contract: see the class comment; unknown commands give -ENOSYS, a domU's remote_shutdown -EPERM. */
    static int schedOp(Call c, boolean compat) {
        int cmd = c.arg(0);
        int arg = c.arg(1);
        switch (cmd) {
            case SchedOp.SCHEDOP_YIELD -> {
                c.hv().yielded(c.domain());
                return 0;
            }
            case SchedOp.SCHEDOP_BLOCK -> {
                return block(c);
            }
            case SchedOp.SCHEDOP_SHUTDOWN -> {
                int reason = compat ? arg : c.mem().read32(arg);
                c.hv().shutdown(c.domain(), reason, ShutdownReason.NAMES.nameOrNumber(reason));
                return 0;
            }
            case SchedOp.SCHEDOP_POLL -> {
                if (compat) {
                    throw new HypercallError(Errno.ENOSYS, "poll has no compat form");
                }
                return poll(c, arg);
            }
            case SchedOp.SCHEDOP_REMOTE_SHUTDOWN -> {
                if (!c.domain().privileged()) {
                    throw new HypercallError(Errno.EPERM, "remote_shutdown is for the control domain");
                }
                int dom = c.mem().read16(arg);
                Domain target = c.hv().domain(dom == DomId.DOMID_SELF ? c.domain().id() : dom);
                if (target == null) {
                    throw new HypercallError(Errno.ESRCH, "no domain " + dom);
                }
                int reason = c.mem().read32(arg + 4);
                c.hv().shutdown(target, reason, ShutdownReason.NAMES.nameOrNumber(reason));
                return 0;
            }
            case SchedOp.SCHEDOP_SHUTDOWN_CODE -> {
                c.domain().shutdownCode = c.mem().read32(arg);
                return 0;
            }
            default -> throw new HypercallError(Errno.ENOSYS, "unknown sched_op command " + cmd);
        }
    }

    /** SCHEDOP_block: re-enable upcalls, then sleep unless an event is already pending. */
    private static int block(Call c) {
        c.domain().vcpuInfo(0).setUpcallMask(false);
        if (!c.domain().vcpuInfo(0).upcallPending()) {
            c.hv().block(c.domain());
        }
        return 0;
    }

    /**
     * SCHEDOP_poll: returns at once when one of the ports is pending. SIMPLIFICATION: there are no timers yet, so
     * a poll with a timeout returns 0 at once as if the timeout had passed, and one without blocks the domain.
     */
    private static int poll(Call c, int arg) {
        int ports = c.mem().read32(arg);
        int n = c.mem().read32(arg + 4);
        long timeout = c.mem().read64(arg + 8);
        if (n < 0 || n > 128) {
            throw new HypercallError(Errno.EINVAL, "poll on " + n + " ports");
        }
        for (int i = 0; i < n; i++) {
            int port = c.mem().read32(ports + 4 * i);
            Events.checkPort(c.domain(), port);
            if (c.domain().sharedInfo().isPending(port)) {
                return 0;
            }
        }
        if (timeout == 0) {
            c.hv().block(c.domain());
        }
        return 0;
    }
}
