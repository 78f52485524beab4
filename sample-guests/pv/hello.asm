; hello.asm: the smallest PV guest, in assembly: one console_io hypercall, then a clean shutdown.
;
; The domain builder loads it like the C guests (same ELF notes, same layout: linked with c/pv.ld at 1 MiB,
; virtual == pseudo-physical), fills hypercall_page with stubs and starts it at _start in ring 1 with
; ESI = start_info. A hypercall is `call hypercall_page + nr*32` with the arguments in EBX, ECX, EDX, ESI, EDI
; and the result in EAX (see ../include/xen/hypercall.h).
;
; Build: nasm -f elf32 hello.asm && ld -m elf_i386 -T c/pv.ld (see Makefile): build/hello-asm.elf.
;
; expect-output: Hello from a PV guest written in assembly
; expect-exit: 0
; max-instructions: 10000

; From ../include/xen/xen.h.
__HYPERVISOR_console_io equ 18
__HYPERVISOR_sched_op   equ 29
HYPERCALL_STUB_SIZE     equ 32
CONSOLEIO_write         equ 0
SCHEDOP_shutdown        equ 2
SHUTDOWN_poweroff       equ 0
SHUTDOWN_crash          equ 3

; From ../include/xen/elfnote.h.
XEN_ELFNOTE_ENTRY           equ 1
XEN_ELFNOTE_HYPERCALL_PAGE  equ 2
XEN_ELFNOTE_VIRT_BASE       equ 3
XEN_ELFNOTE_PADDR_OFFSET    equ 4
XEN_ELFNOTE_XEN_VERSION     equ 5
XEN_ELFNOTE_GUEST_OS        equ 6
XEN_ELFNOTE_GUEST_VERSION   equ 7
XEN_ELFNOTE_LOADER          equ 8
XEN_ELFNOTE_PAE_MODE        equ 9

; The same notes as c/head.S. Each note is: namesz, descsz, type, the name "Xen\0" (4 bytes, so no padding),
; the descriptor, padding to 4 bytes.
; TODO(asmfront): once sample-guests/include/xen-elfnote.inc is on main, write these as
;     %include "../include/xen-elfnote.inc"
;     ELFNOTE "Xen", XEN_ELFNOTE_GUEST_OS, db "Xenoscope", 0      (and so on)
; Until then they are spelled out with dd/db.
section .note.Xen note alloc noexec nowrite align=4
xen_notes:
    dd 4, .os_end - .os, XEN_ELFNOTE_GUEST_OS
    db "Xen", 0
.os:
    db "Xenoscope", 0
.os_end:
    align 4, db 0
    dd 4, .gv_end - .gv, XEN_ELFNOTE_GUEST_VERSION
    db "Xen", 0
.gv:
    db "1", 0
.gv_end:
    align 4, db 0
    dd 4, .xv_end - .xv, XEN_ELFNOTE_XEN_VERSION
    db "Xen", 0
.xv:
    db "xen-3.0", 0
.xv_end:
    align 4, db 0
    dd 4, .ld_end - .ld, XEN_ELFNOTE_LOADER
    db "Xen", 0
.ld:
    db "generic", 0
.ld_end:
    align 4, db 0
    dd 4, 4, XEN_ELFNOTE_VIRT_BASE
    db "Xen", 0
    dd 0
    dd 4, 4, XEN_ELFNOTE_PADDR_OFFSET
    db "Xen", 0
    dd 0
    dd 4, 4, XEN_ELFNOTE_ENTRY
    db "Xen", 0
    dd _start
    dd 4, 4, XEN_ELFNOTE_HYPERCALL_PAGE
    db "Xen", 0
    dd hypercall_page
    dd 4, .pae_end - .pae, XEN_ELFNOTE_PAE_MODE
    db "Xen", 0
.pae:
    db "yes", 0
.pae_end:
    align 4, db 0

section .bss
align 16
stack:      resb 4096
stack_top:

section .rodata
message:    db "Hello from a PV guest written in assembly", 10
MESSAGE_LEN equ $ - message
poweroff:   dd SHUTDOWN_poweroff    ; struct sched_shutdown { reason }
crash:      dd SHUTDOWN_crash

section .text
global _start
_start:
    mov esp, stack_top              ; our own stack, not the builder's bootstrap stack
    mov ebx, CONSOLEIO_write        ; console_io(CONSOLEIO_write, length, buffer)
    mov ecx, MESSAGE_LEN
    mov edx, message
    call hypercall_page + __HYPERVISOR_console_io * HYPERCALL_STUB_SIZE
    mov ebx, SCHEDOP_shutdown       ; sched_op(SCHEDOP_shutdown, &{SHUTDOWN_poweroff})
    mov ecx, poweroff
    call hypercall_page + __HYPERVISOR_sched_op * HYPERCALL_STUB_SIZE
    mov ebx, SCHEDOP_shutdown       ; not reached; if the shutdown returns, crash the domain
    mov ecx, crash
    call hypercall_page + __HYPERVISOR_sched_op * HYPERCALL_STUB_SIZE
.hang:
    ud2                             ; no trap table: an invalid opcode kills the domain
    jmp .hang

; The page the builder fills with hypercall stubs; ud2 (0F 0B) everywhere until it does.
section .text.hypercall_page progbits alloc exec nowrite align=4096
global hypercall_page
hypercall_page:
    times 2048 db 0x0F, 0x0B
