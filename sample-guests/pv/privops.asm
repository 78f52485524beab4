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
; Same layout and notes as hello.asm (PAE, linked with c/pv.ld at 1 MiB, virtual == pseudo-physical). It has no
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

; From ../include/xen/xen.h.
__HYPERVISOR_set_trap_table equ 0
__HYPERVISOR_console_io equ 18
__HYPERVISOR_sched_op   equ 29
__HYPERVISOR_physdev_op equ 33
HYPERCALL_STUB_SIZE     equ 32
CONSOLEIO_write         equ 0
SCHEDOP_shutdown        equ 2
SHUTDOWN_poweroff       equ 0
PHYSDEVOP_set_iopl      equ 6
FLAT_RING1_CS           equ 0xe019
TRAP_page_fault         equ 14
TRAP_gp_fault           equ 13

%include "../include/xen-elfnote.inc"    ; XEN_ELFNOTE_* and the ELFNOTE macro

section .text
global _start
_start:
    mov esp, stack_top
    mov ebx, trap_table             ; set_trap_table(table): #PF and #GP handlers below
    call hypercall_page + __HYPERVISOR_set_trap_table * HYPERCALL_STUB_SIZE

    mov eax, cr0                    ; #GP(0) in ring 1; Xen gives the real CR0 with the virtual TS
    mov edx, s_cr0
    call print_hex
    mov dword [resume], .after_pf
    mov eax, [0xdead0000]           ; nothing is mapped there: #PF, and Xen sets the virtual CR2
.after_pf:
    mov eax, cr2
    mov edx, s_cr2
    call print_hex
    mov eax, cr3
    mov edx, s_cr3
    call print_hex

    mov eax, 0x40000000             ; the hypervisor's CPUID leaf, through the forced-emulation prefix
    ud2
    db "xen"
    cpuid
    mov [signature], ebx
    mov [signature + 4], ecx
    mov [signature + 8], edx
    mov edx, s_cpuid
    call puts
    mov edx, signature
    mov ecx, 12
    call write
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
    call hypercall_page + __HYPERVISOR_physdev_op * HYPERCALL_STUB_SIZE
    mov edx, s_set_iopl
    call print_hex
    mov edx, s_cli1
    call puts
    mov dword [resume], .shutdown
    cli                             ; virtual IOPL 1 >= ring 1: Xen sets evtchn_upcall_mask
    mov edx, s_emulated
    call puts

.shutdown:
    mov ebx, SCHEDOP_shutdown       ; sched_op(SCHEDOP_shutdown, &{SHUTDOWN_poweroff})
    mov ecx, poweroff
    call hypercall_page + __HYPERVISOR_sched_op * HYPERCALL_STUB_SIZE
.hang:
    jmp .hang

; #PF handler: the bounce frame is [error code, eip, cs, eflags] on our ring-1 stack. Drop it and go on at
; [resume] (we never return to the faulting instruction).
page_fault:
    add esp, 16
    jmp [resume]

; #GP handler: print the error code, drop the frame, go on at [resume].
gp_fault:
    mov eax, [esp]
    mov edx, s_gp
    call print_hex
    add esp, 16
    jmp [resume]

; puts: prints the NUL-terminated string at EDX.
puts:
    xor ecx, ecx
.len:
    cmp byte [edx + ecx], 0
    je write
    inc ecx
    jmp .len

; write: console_io(CONSOLEIO_write, ECX, EDX). Hypercalls may clobber EBX..EDI and return in EAX.
write:
    pushad
    mov ebx, CONSOLEIO_write
    call hypercall_page + __HYPERVISOR_console_io * HYPERCALL_STUB_SIZE
    popad
    ret

; print_hex: prints the string at EDX, then "0x", EAX as 8 hex digits, and a newline.
print_hex:
    pushad
    call puts
    mov word [hex_line], "0x"
    mov word [hex_digits + 8], 10   ; newline, NUL
    mov edi, hex_digits + 7
    mov ecx, 8
.digit:
    mov ebx, eax
    and ebx, 15
    mov bl, [hex_chars + ebx]
    mov [edi], bl
    dec edi
    shr eax, 4
    loop .digit
    mov edx, hex_line
    call puts
    popad
    ret

; The page the builder fills with hypercall stubs; ud2 (0F 0B) everywhere until it does.
section .text.hypercall_page progbits alloc exec nowrite align=4096
global hypercall_page
hypercall_page:
    times 2048 db 0x0F, 0x0B

section .rodata
align 8
trap_table:                         ; trap_info_t { u8 vector, u8 flags, u16 cs, u32 address }, ends with 0
    db TRAP_page_fault, 0
    dw FLAT_RING1_CS
    dd page_fault
    db TRAP_gp_fault, 0
    dw FLAT_RING1_CS
    dd gp_fault
    dd 0, 0
poweroff:   dd SHUTDOWN_poweroff    ; struct sched_shutdown { reason }
iopl_one:   dd 1                    ; struct physdev_set_iopl { iopl }
hex_chars:  db "0123456789abcdef"
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

; The same notes as c/head.S.
section .note.Xen note alloc noexec nowrite align=4
    ELFNOTE "Xen", XEN_ELFNOTE_GUEST_OS,       db "Xenoscope", 0
    ELFNOTE "Xen", XEN_ELFNOTE_GUEST_VERSION,  db "1", 0
    ELFNOTE "Xen", XEN_ELFNOTE_XEN_VERSION,    db "xen-3.0", 0
    ELFNOTE "Xen", XEN_ELFNOTE_LOADER,         db "generic", 0
    ELFNOTE "Xen", XEN_ELFNOTE_VIRT_BASE,      dd 0
    ELFNOTE "Xen", XEN_ELFNOTE_PADDR_OFFSET,   dd 0
    ELFNOTE "Xen", XEN_ELFNOTE_ENTRY,          dd _start
    ELFNOTE "Xen", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page
    ELFNOTE "Xen", XEN_ELFNOTE_PAE_MODE,       db "yes", 0

section .bss
align 16
resume:     resd 1                  ; where the fault handlers continue
signature:  resb 12
hex_line:   resb 2                  ; "0x"
hex_digits: resb 8
            resb 2                  ; newline, NUL
stack:      resb 4096
stack_top:
