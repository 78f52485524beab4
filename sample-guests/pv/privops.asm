; privops.asm: privileged instructions in a ring-1 PV kernel. The CPU refuses them (#GP(0)) because the kernel is
; not in ring 0; the hypervisor then emulates what Xen emulates and reflects the rest to the guest's handler.
;
;   - reads CR0, CR2 (after a page fault: Xen's virtual CR2) and CR3 (the top page table's machine address in
;     Xen's extended-cr3 form) with plain `mov reg, crN`, and prints them;
;   - asks for the hypervisor's CPUID leaf 0x40000000 with the forced-emulation prefix (ud2; "xen"; cpuid), which
;     works before any trap table exists, and prints the signature;
;   - runs `cli` without I/O privilege: the #GP handler reports it; then raises its virtual IOPL with
;     physdev_op(PHYSDEVOP_set_iopl, {1}) and runs `cli` again: now Xen emulates it (it masks event upcalls).
;
; Same layout and notes as hello.asm, through pv.inc (PAE, linked with c/pv.ld at 1 MiB, virtual == pseudo-physical). It has no
; Linux (hostxen) build: under Linux the privileged instructions would just kill the process.
;
; expect-output: cr0 = 0x80010031
; expect-output: cr2 = 0xdead0000
; expect-output-match: cr3 = 0x[0-9a-f]{5}000
; expect-output: cpuid 0x40000000: XenVMMXenVMM
; expect-output: cli without IOPL: #GP, error code 0x00000000
; expect-output: physdev_op(PHYSDEVOP_set_iopl, {1}) = 0x00000000
; expect-output: cli with IOPL 1: emulated
; expect-exit: 0
; max-instructions: 100000

%include "pv.inc"

; From ../include/xen/xen.h (the ones pv.inc does not already give).
__HYPERVISOR_physdev_op equ 33
PHYSDEVOP_set_iopl      equ 6
TRAP_page_fault         equ 14
TRAP_gp_fault           equ 13

section .text
global _start
_start:
    mov esp, stack_top
    mov ebx, trap_table             ; set_trap_table(table): #PF and #GP handlers below
    hypercall __HYPERVISOR_set_trap_table

    mov eax, cr0                    ; #GP(0) in ring 1; Xen gives the real CR0 with the virtual TS
    mov edx, s_cr0
    call report
    mov dword [resume], .after_pf
    mov eax, [0xdead0000]           ; nothing is mapped there: #PF, and Xen sets the virtual CR2
.after_pf:
    mov eax, cr2
    mov edx, s_cr2
    call report
    mov eax, cr3
    mov edx, s_cr3
    call report

    mov eax, 0x40000000             ; the hypervisor's CPUID leaf, through the forced-emulation prefix
    ud2
    db "xen"
    cpuid
    mov [signature], ebx
    mov [signature + 4], ecx
    mov [signature + 8], edx
    mov edx, s_cpuid
    call puts
    mov edx, signature              ; NUL-terminated: .bss is zero
    call puts
    mov edx, s_newline
    call puts

    mov edx, s_cli0
    call puts
    mov dword [resume], .after_cli0
    cli                             ; virtual IOPL 0: #GP(0), handled below
    mov edx, s_emulated
    call puts
.after_cli0:
    mov ebx, PHYSDEVOP_set_iopl     ; physdev_op(PHYSDEVOP_set_iopl, &{iopl = 1})
    mov ecx, iopl_one
    hypercall __HYPERVISOR_physdev_op
    mov edx, s_set_iopl
    call report
    mov edx, s_cli1
    call puts
    mov dword [resume], .shutdown
    cli                             ; virtual IOPL 1 >= ring 1: Xen sets evtchn_upcall_mask
    mov edx, s_emulated
    call puts

.shutdown:
    jmp poweroff

; #PF handler: the bounce frame is [error code, eip, cs, eflags] on our ring-1 stack. Drop it and go on at
; [resume] (we never return to the faulting instruction).
page_fault:
    add esp, 16
    jmp [resume]

; #GP handler: print the error code, drop the frame, go on at [resume].
gp_fault:
    mov eax, [esp]
    mov edx, s_gp
    call report
    add esp, 16
    jmp [resume]

; report: prints the string at EDX, then EAX as 0x and 8 hex digits, and a newline.
report:
    call puts
    call print_hex
    push edx
    mov edx, s_newline
    call puts
    pop edx
    ret

    PV_LIBRARY

section .rodata
align 8
trap_table:                         ; trap_info_t { u8 vector, u8 flags, u16 cs, u32 address }, ends with 0
    TRAP TRAP_page_fault, 0, FLAT_RING1_CS, page_fault
    TRAP TRAP_gp_fault, 0, FLAT_RING1_CS, gp_fault
    TRAP 0, 0, 0, 0
iopl_one:   dd 1                    ; struct physdev_set_iopl { iopl }
s_cr0:      db "cr0 = ", 0
s_cr2:      db "cr2 = ", 0
s_cr3:      db "cr3 = ", 0
s_cpuid:    db "cpuid 0x40000000: ", 0
s_newline:  db 10, 0
s_cli0:     db "cli without IOPL: ", 0
s_cli1:     db "cli with IOPL 1: ", 0
s_gp:       db "#GP, error code ", 0
s_set_iopl: db "physdev_op(PHYSDEVOP_set_iopl, {1}) = ", 0
s_emulated: db "emulated", 10, 0

    PV_TAIL "yes"

section .bss
resume:     resd 1                  ; where the fault handlers continue
signature:  resb 13                 ; the CPUID signature and its NUL
