package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.SchedOp;
import org.xenoscope.xen.abi.ShutdownReason;

/** sched_op (#29, arguments by pointer) and sched_op_compat (#6): yield, block, shutdown, poll, errors. */
class SchedOpsTest {
    private static final int UNMAPPED = 0x00500000;

    @Test
    void yieldReturnsZeroAndLetsTheConsoleDaemonDrain() {
        PvFixture f = PvFixture.boot();
        int ring = f.built.layout().console();
        f.mem().write(ring + 1024, "ok".getBytes());
        f.mem().write32(ring + 3084, 2); // out_prod
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_YIELD, 0)).isZero();
        assertThat(f.d.console()).isEqualTo("ok");
        assertThat(f.mem().read32(ring + 3080)).isEqualTo(2); // out_cons caught up
        assertThat(f.d.state()).isEqualTo(Domain.State.RUNNING);
    }

    @Test
    void blockWithNothingPendingBlocksAndUnmasksUpcalls() {
        PvFixture f = PvFixture.boot();
        assertThat(f.d.vcpuInfo(0).upcallMask()).isTrue();
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_BLOCK, 0)).isZero();
        assertThat(f.d.vcpuInfo(0).upcallMask()).isFalse();
        assertThat(f.d.state()).isEqualTo(Domain.State.BLOCKED);
        assertThat(f.run(1000).outcome()).isEqualTo(Hypervisor.Outcome.BLOCKED);
    }

    @Test
    void blockWithAnUpcallPendingReturnsAtOnce() {
        PvFixture f = PvFixture.boot();
        f.d.vcpuInfo(0).setUpcallPending(true);
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_BLOCK, 0)).isZero();
        assertThat(f.d.state()).isEqualTo(Domain.State.RUNNING);
        assertThat(f.run(100).outcome()).isEqualTo(Hypervisor.Outcome.LIMIT);
    }

    @Test
    void guestCodeThatBlocksEndsTheRunBlocked() {
        PvFixture f = PvFixture.boot(true, "    mov ebx, 1\n    call hypercall_page + 29*32\n    jmp $\n");
        Hypervisor.Result r = f.run(10_000);
        assertThat(r.outcome()).isEqualTo(Hypervisor.Outcome.BLOCKED);
        assertThat(r.instructions()).isLessThan(100);
    }

    @Test
    void shutdownPoweroffEndsTheRunWithShutdown() {
        PvFixture f = PvFixture.boot();
        f.mem().write32(f.scratch(), ShutdownReason.SHUTDOWN_POWEROFF);
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_SHUTDOWN, f.scratch())).isZero();
        Hypervisor.Result r = f.run(1000);
        assertThat(r.outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(f.d.shutdownCode()).isZero();
        assertThat(r.instructions()).isZero();
    }

    @Test
    void shutdownCrashEndsTheRunCrashed() {
        PvFixture f = PvFixture.boot();
        f.mem().write32(f.scratch(), ShutdownReason.SHUTDOWN_CRASH);
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_SHUTDOWN, f.scratch())).isZero();
        assertThat(f.run(1000).outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
        assertThat(f.d.shutdownCode()).isEqualTo(ShutdownReason.SHUTDOWN_CRASH);
    }

    @Test
    void shutdownWithABadPointerIsEfaultAndTheDomainLives() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_SHUTDOWN, UNMAPPED)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_SHUTDOWN, 0xFFFFFFFE)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.d.dead()).isFalse();
        assertThat(f.run(100).outcome()).isEqualTo(Hypervisor.Outcome.LIMIT);
    }

    @Test
    void compatShutdownTakesTheReasonItself() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("sched_op_compat", SchedOp.SCHEDOP_SHUTDOWN, ShutdownReason.SHUTDOWN_REBOOT)).isZero();
        assertThat(f.run(10).outcome()).isEqualTo(Hypervisor.Outcome.SHUTDOWN);
        assertThat(f.d.shutdownCode()).isEqualTo(ShutdownReason.SHUTDOWN_REBOOT);
    }

    @Test
    void compatYieldAndBlockWork() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("sched_op_compat", SchedOp.SCHEDOP_YIELD, 0)).isZero();
        assertThat(f.d.state()).isEqualTo(Domain.State.RUNNING);
        assertThat(f.call("sched_op_compat", SchedOp.SCHEDOP_BLOCK, 0)).isZero();
        assertThat(f.d.state()).isEqualTo(Domain.State.BLOCKED);
    }

    /** struct sched_poll { ports; nr_ports; u64 timeout } at scratch, the port array at scratch + 64. */
    private static int poll(PvFixture f, long timeout, int... ports) {
        int s = f.scratch();
        for (int i = 0; i < ports.length; i++) {
            f.mem().write32(s + 64 + 4 * i, ports[i]);
        }
        f.mem().write32(s, s + 64);
        f.mem().write32(s + 4, ports.length);
        f.mem().write32(s + 8, (int) timeout);
        f.mem().write32(s + 12, (int) (timeout >>> 32));
        return f.call("sched_op", SchedOp.SCHEDOP_POLL, s);
    }

    @Test
    void pollOnAPendingPortReturnsAtOnce() {
        PvFixture f = PvFixture.boot();
        f.d.sharedInfo().testAndSetPending(7);
        assertThat(poll(f, 0, 3, 7)).isZero();
        assertThat(f.d.state()).isEqualTo(Domain.State.RUNNING);
    }

    @Test
    void pollWithNothingPendingAndNoTimeoutBlocks() {
        PvFixture f = PvFixture.boot();
        assertThat(poll(f, 0, 3)).isZero();
        assertThat(f.d.state()).isEqualTo(Domain.State.BLOCKED);
    }

    @Test
    void pollOnABadPortIsEinval() {
        PvFixture f = PvFixture.boot();
        assertThat(poll(f, 0, 5, Domain.NR_EVENT_CHANNELS)).isEqualTo(Errno.EINVAL.negative());
        assertThat(poll(f, 0, -1)).isEqualTo(Errno.EINVAL.negative());
        assertThat(f.d.state()).isEqualTo(Domain.State.RUNNING);
    }

    @Test
    void pollOnTooManyPortsIsEinval() {
        PvFixture f = PvFixture.boot();
        assertThat(poll(f, 0, new int[129])).isEqualTo(Errno.EINVAL.negative());
    }

    @Test
    void pollWithBadPointersIsEfault() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_POLL, UNMAPPED)).isEqualTo(Errno.EFAULT.negative());
        int s = f.scratch();
        f.mem().write32(s, UNMAPPED);
        f.mem().write32(s + 4, 1);
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_POLL, s)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.d.state()).isEqualTo(Domain.State.RUNNING);
    }

    @Test
    void remoteShutdownFromADomUIsEperm() {
        PvFixture f = PvFixture.boot();
        f.mem().write16(f.scratch(), DomId.DOMID_SELF);
        f.mem().write32(f.scratch() + 4, ShutdownReason.SHUTDOWN_POWEROFF);
        assertThat(f.call("sched_op", SchedOp.SCHEDOP_REMOTE_SHUTDOWN, f.scratch()))
            .isEqualTo(Errno.EPERM.negative());
        assertThat(f.d.dead()).isFalse();
    }

    @Test
    void unknownCommandIsEnosysInBothForms() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("sched_op", 99, 0)).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call("sched_op_compat", 99, 0)).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call("sched_op", -1, 0)).isEqualTo(Errno.ENOSYS.negative());
    }
}
