; paging.asm: 2-level paging on the bare machine, and a page fault handled through the IDT.
;
; The kernel builds a page directory whose first entry maps the low 4 MiB one-to-one through a page table (so
; its own code, data and stack keep working), and a second page table that maps the virtual page 0x40000000
; to a physical buffer. It turns paging on (CR3, then CR0.PG), writes 0xCAFEBABE through the virtual address,
; reads it back through the physical address, and prints the page-table entry: the CPU has set Accessed and
; Dirty (0x60) on top of Present and Writable. Then it writes to 0x50000000, which is not mapped: the #PF
; handler prints CR2 and the error code (0x2: not present, write, supervisor), maps the page, and returns to
; the faulting instruction, which now succeeds.
;
; expect-output: paging on
; expect-output: virtual 0x40000000 -> physical: CAFEBABE
; expect-output: PTE 0x40000000: 00105063
; expect-output: #PF CR2=50000000 error=00000002
; expect-output: after the fault: 12345678
; expect-exit: 3
; max-instructions: 100000

MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ 0x00000003
COM1        equ 0x3F8
DEBUG_EXIT  equ 0xF4
PTE_P       equ 0x001
PTE_W       equ 0x002
PF_VECTOR   equ 14

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd -(MB_MAGIC + MB_FLAGS)

section .bss
align 4096
page_dir:   resb 4096               ; the PD: 1024 PDEs
pt_low:     resb 4096               ; maps 0..4 MiB one-to-one
pt_high:    resb 4096               ; maps 0x40000000.. (PDX 0x100)
pt_fault:   resb 4096               ; maps 0x50000000.. (PDX 0x140), filled by the #PF handler
buffer:     resb 4096               ; the physical page behind 0x40000000
buffer2:    resb 4096               ; the physical page behind 0x50000000
stack:      resb 4096
stack_top:
idt:        resb 8 * 256

section .rodata
hexdigits:  db "0123456789ABCDEF"
msg_on:     db "paging on", 10, 0
msg_read:   db "virtual 0x40000000 -> physical: ", 0
msg_pte:    db "PTE 0x40000000: ", 0
msg_pf:     db "#PF CR2=", 0
msg_err:    db " error=", 0
msg_after:  db "after the fault: ", 0
idtr:       dw 8 * 256 - 1
            dd idt

section .text
global _start
_start:
    mov esp, stack_top
    call uart_init
    call set_pf_gate
    lidt [idtr]
    call build_tables
    mov eax, page_dir
    mov cr3, eax
    mov eax, cr0
    or eax, 0x80000000              ; CR0.PG
    mov cr0, eax
    mov esi, msg_on
    call puts

    mov dword [0x40000000], 0xCAFEBABE
    mov esi, msg_read
    call puts
    mov eax, [buffer]               ; the same bytes, through the one-to-one mapping
    call puthex32
    call newline

    mov esi, msg_pte
    call puts
    mov eax, [pt_high]              ; PTE 0 of the table behind PDX 0x100: P W A D + frame of buffer
    call puthex32
    call newline

    mov dword [0x50000000], 0x12345678  ; not mapped: #PF, the handler maps it, the store is retried
    mov esi, msg_after
    call puts
    mov eax, [buffer2]
    call puthex32
    call newline

    mov al, 1                       ; exit code 1 -> status 3
    out DEBUG_EXIT, al
.halt:
    cli
    hlt
    jmp .halt

; build_tables: PD[0] -> pt_low (identity 0..4 MiB), PD[0x100] -> pt_high with PTE 0 -> buffer,
; PD[0x140] -> pt_fault (empty: every page there faults until the handler fills it).
build_tables:
    mov edi, pt_low
    mov eax, PTE_P | PTE_W
    mov ecx, 1024
.fill:
    mov [edi], eax
    add eax, 4096
    add edi, 4
    loop .fill
    mov dword [page_dir], pt_low + PTE_P + PTE_W
    mov dword [page_dir + 0x100 * 4], pt_high + PTE_P + PTE_W
    mov dword [page_dir + 0x140 * 4], pt_fault + PTE_P + PTE_W
    mov dword [pt_high], buffer + PTE_P + PTE_W
    ret

; set_pf_gate: IDT[14] = 32-bit interrupt gate to pf_handler.
set_pf_gate:
    mov eax, pf_handler
    mov edi, idt + 8 * PF_VECTOR
    mov [edi], ax
    mov word [edi + 2], cs
    mov word [edi + 4], 0x8E00
    shr eax, 16
    mov [edi + 6], ax
    ret

; pf_handler: print CR2 and the error code, map the faulting page to buffer2, pop the error code and return
; to the faulting instruction.
pf_handler:
    pushad
    mov esi, msg_pf
    call puts
    mov eax, cr2
    call puthex32
    mov esi, msg_err
    call puts
    mov eax, [esp + 32]             ; the error code, above the 8 registers PUSHAD saved
    call puthex32
    call newline
    mov dword [pt_fault], buffer2 + PTE_P + PTE_W
    popad
    add esp, 4                      ; drop the error code
    iret

newline:
    mov al, 10
    call putc
    ret

%include "serial.inc"
