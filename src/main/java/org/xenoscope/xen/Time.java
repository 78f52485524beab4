package org.xenoscope.xen;

import org.xenoscope.machine.clock.VirtualClock;
import org.xenoscope.xen.abi.SharedInfo;
import org.xenoscope.xen.abi.VcpuInfo;

/**
 * Keeps the time fields of shared_info current from virtual time (Xen's update_vcpu_system_time and
 * update_domain_wallclock_time), with the version protocol readers rely on: the version is odd while the fields
 * change.
 *
 * <pre>
 *  system time (ns) = system_time + ((tsc - tsc_timestamp) << tsc_shift) * tsc_to_system_mul >> 32
 *  Xenoscope: 1 cycle = 1 ns, so tsc_shift = 1 and tsc_to_system_mul = 0x80000000 (x2 then /2).
 *  wall clock = (wc_sec, wc_nsec) + system time;  wc is the boot time, fixed: 2003-10-19 (SOSP 2003) 00:00 UTC
 * </pre>
 */
public final class Time {
    /** Wall-clock seconds at boot: the first day of SOSP 2003, so runs are reproducible. */
    public static final long BOOT_WALLCLOCK_SEC = 1066521600L;

    private Time() {
    }

    /** Contract: refreshes domain {@code d}'s vcpu_info.time and wall clock to the current virtual time. */
    static void update(Hypervisor hv, Domain d) {
        if (d.sharedInfoMfn == 0) {
            return;
        }
        long tsc = hv.now();
        long ns = tsc * (1_000_000_000L / VirtualClock.HZ);
        VcpuInfo v = d.vcpuInfo(0);
        int ver = v.timeVersion();
        v.setTimeVersion(ver | 1);
        v.setTscTimestamp(tsc);
        v.setSystemTime(ns);
        v.setTscToSystemMul(0x80000000);
        v.setTscShift(1);
        v.setTimeVersion((ver | 1) + 1);
        SharedInfo s = d.sharedInfo();
        if (s.wcSec() == 0) {
            int wv = s.wcVersion();
            s.setWcVersion(wv | 1);
            s.setWcSec((int) BOOT_WALLCLOCK_SEC);
            s.setWcNsec(0);
            s.setWcVersion((wv | 1) + 1);
        }
    }
}
