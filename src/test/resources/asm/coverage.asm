; Encoder coverage: every row of the instruction table (org.xenoscope.machine.isa.InsnTable) in register and
; memory forms, every operand size, edge immediates and displacements, NASM's synonyms and prefix orders.
; EncoderNasmTest assembles each line with the Encoder and compares with `nasm -f bin` (listing + binary);
; TableCoverageTest decodes NASM's output and checks that every row below was produced.
;
; Rows left out because NASM cannot produce them (checked by TableCoverageTest):
;   fpu D8..DF /r            the x87 escapes: the table names no instruction (Xenoscope has no x87 unit)
;   add..cmp 82 /digit       an alias of 80 /digit (invalid in 64-bit mode); NASM always emits 80
;   test F6 /1, F7 /1        aliases of /0; NASM always emits /0
;   sal D0 D1 D2 D3 C0 C1 /6 an undocumented alias of /4; NASM's SAL is SHL (/4)
;
; Syntax kept simple for the test's line parser (LineParser): one instruction per line, numbers in decimal or
; 0x hex, branch targets relative to $ (a plain-number target is never shortened by NASM), no labels.
; Lines whose bytes the CPU would read differently from NASM's intent (o16 with 32-bit immediates, es fwait,
; pop cs) are in EncoderNasmTest's snippets instead, since TableCoverageTest decodes every line here.
bits 32
org 0x1000

; --- ALU: add or adc sbb and sub xor cmp
add al, cl
add [eax], dl
add bl, [ebx+4]
add al, 0
add al, 0x7f
add al, 0xff
add al, -128
add ah, 1
add ch, 0x80
add dh, -1
add byte [ecx-4], 0
add byte [edx+0x80], 0x80
add byte [esi-0x81], -128
add ax, cx
add [edi+0x12345678], dx
add bx, [ebp]
add ax, 0
add ax, -1
add ax, 0x80
add ax, 0x7fff
add ax, 0xffff
add ax, -129
add sp, 1
add bp, 0x7f
add si, 0xff80
add di, 0x8000
add ax, -128
add word [ebp+8], 0
add word [esp], 0x7f
add word [esp+4], 0x7fff
add word [esp+0x100], -128
add eax, ecx
add [eax+ebx], edx
add ebx, [ebx+eax*2]
add eax, 0
add eax, -1
add eax, 128
add eax, -129
add eax, 0x80000000
add eax, 0x12345678
add esp, 1
add ebp, 127
add esi, -128
add edi, 0x7fffffff
add eax, 0xffffffff
add dword [ecx+edx*4+8], 0
add dword [esi*8+0x100], 127
add dword [edi*2], -129
add dword [ebp*1+eax], 0xffffffff
add eax, strict dword 1
add ebx, strict dword -1
add eax, byte 1
add ecx, byte -2
add [eax], byte 1
add [ebx], dword 1
add [ebx], word 0x100
add ax, strict 1
lock add dword [eax], 5
or bh, al
or [eax+ebp], cl
or dl, [ebp+eax]
or al, 0
or al, 0x7f
or al, 0xff
or al, -128
or bl, 1
or ah, 0x80
or ch, -1
or byte [esp+ebp*2], 0
or byte [0x1234], 0x80
or byte [0x12345678], -128
or cx, dx
or [fs:eax], bx
or sp, [es:ebx+4]
or ax, 0
or ax, -1
or ax, 0x80
or ax, 0x7fff
or ax, 0xffff
or ax, -129
or bp, 1
or si, 0x7f
or di, 0xff80
or ax, 0x8000
or cx, -128
or word [ss:esp], 0
or word [cs:0x100], 0x7f
or word [byte eax+4], 0x7fff
or word [dword eax+4], -128
or ecx, edx
or [dword eax], ebx
or esp, [byte ebp]
or eax, 0
or eax, -1
or eax, 128
or eax, -129
or eax, 0x80000000
or eax, 0x12345678
or ebp, 1
or esi, 127
or edi, -128
or eax, 0x7fffffff
or ecx, 0xffffffff
or dword [eax+0xffffffff], 0
or dword [ebx*1], 127
or dword [eax*3], -129
or dword [eax*5+4], 0xffffffff
or eax, strict dword 1
or ebx, strict dword -1
or eax, byte 1
or ecx, byte -2
or [eax], byte 1
or [ebx], dword 1
or [ebx], word 0x100
or ax, strict 1
lock or dword [eax], 5
adc dh, bh
adc [eax*9], al
adc cl, [bx+si]
adc al, 0
adc al, 0x7f
adc al, 0xff
adc al, -128
adc dl, 1
adc bl, 0x80
adc ah, -1
adc byte [bp], 0
adc byte [bx+di+4], 0x80
adc byte [si+0x1234], -128
adc dx, bx
adc [di], sp
adc bp, [bp+si-2]
adc ax, 0
adc ax, -1
adc ax, 0x80
adc ax, 0x7fff
adc ax, 0xffff
adc ax, -129
adc si, 1
adc di, 0x7f
adc ax, 0xff80
adc cx, 0x8000
adc dx, -128
adc word [bx], 0
adc word [bp+di], 0x7f
adc word [eax-128], 0x7fff
adc word [eax+127], -128
adc edx, ebx
adc [eax+128], esp
adc ebp, [eax-129]
adc eax, 0
adc eax, -1
adc eax, 128
adc eax, -129
adc eax, 0x80000000
adc eax, 0x12345678
adc esi, 1
adc edi, 127
adc eax, -128
adc ecx, 0x7fffffff
adc edx, 0xffffffff
adc dword [esp+eax], 0
adc dword [eax+esp], 127
adc dword [ebx+esp*1], -129
adc dword [gs:ebp-8], 0xffffffff
adc eax, strict dword 1
adc ebx, strict dword -1
adc eax, byte 1
adc ecx, byte -2
adc [eax], byte 1
adc [ebx], dword 1
adc [ebx], word 0x100
adc ax, strict 1
lock adc dword [eax], 5
sbb ch, dh
sbb [ds:eax], bh
sbb al, [edx*4]
sbb al, 0
sbb al, 0x7f
sbb al, 0xff
sbb al, -128
sbb cl, 1
sbb dl, 0x80
sbb bl, -1
sbb byte [esi+edi*8-0x1000], 0
sbb byte [ebp+ebp], 0x80
sbb byte [eax], -128
sbb bx, sp
sbb [ebx+4], bp
sbb si, [ecx-4]
sbb ax, 0
sbb ax, -1
sbb ax, 0x80
sbb ax, 0x7fff
sbb ax, 0xffff
sbb ax, -129
sbb di, 1
sbb ax, 0x7f
sbb cx, 0xff80
sbb dx, 0x8000
sbb bx, -128
sbb word [edx+0x80], 0
sbb word [esi-0x81], 0x7f
sbb word [edi+0x12345678], 0x7fff
sbb word [ebp], -128
sbb ebx, esp
sbb [ebp+8], ebp
sbb esi, [esp]
sbb eax, 0
sbb eax, -1
sbb eax, 128
sbb eax, -129
sbb eax, 0x80000000
sbb eax, 0x12345678
sbb edi, 1
sbb eax, 127
sbb ecx, -128
sbb edx, 0x7fffffff
sbb ebx, 0xffffffff
sbb dword [esp+4], 0
sbb dword [esp+0x100], 127
sbb dword [eax+ebx], -129
sbb dword [ebx+eax*2], 0xffffffff
sbb eax, strict dword 1
sbb ebx, strict dword -1
sbb eax, byte 1
sbb ecx, byte -2
sbb [eax], byte 1
sbb [ebx], dword 1
sbb [ebx], word 0x100
sbb ax, strict 1
lock sbb dword [eax], 5
and ah, ch
and [ecx+edx*4+8], dh
and bh, [esi*8+0x100]
and al, 0
and al, 0x7f
and al, 0xff
and al, -128
and al, 1
and cl, 0x80
and dl, -1
and byte [edi*2], 0
and byte [ebp*1+eax], 0x80
and byte [eax+ebp], -128
and sp, bp
and [ebp+eax], si
and di, [esp+ebp*2]
and ax, 0
and ax, -1
and ax, 0x80
and ax, 0x7fff
and ax, 0xffff
and ax, -129
and ax, 1
and cx, 0x7f
and dx, 0xff80
and bx, 0x8000
and sp, -128
and word [0x1234], 0
and word [0x12345678], 0x7f
and word [fs:eax], 0x7fff
and word [es:ebx+4], -128
and esp, ebp
and [ss:esp], esi
and edi, [cs:0x100]
and eax, 0
and eax, -1
and eax, 128
and eax, -129
and eax, 0x80000000
and eax, 0x12345678
and eax, 1
and ecx, 127
and edx, -128
and ebx, 0x7fffffff
and esp, 0xffffffff
and dword [byte eax+4], 0
and dword [dword eax+4], 127
and dword [dword eax], -129
and dword [byte ebp], 0xffffffff
and eax, strict dword 1
and ebx, strict dword -1
and eax, byte 1
and ecx, byte -2
and [eax], byte 1
and [ebx], dword 1
and [ebx], word 0x100
and ax, strict 1
lock and dword [eax], 5
sub bl, ah
sub [eax+0xffffffff], ch
sub dh, [ebx*1]
sub al, 0
sub al, 0x7f
sub al, 0xff
sub al, -128
sub bh, 1
sub al, 0x80
sub cl, -1
sub byte [eax*3], 0
sub byte [eax*5+4], 0x80
sub byte [eax*9], -128
sub bp, si
sub [bx+si], di
sub ax, [bp]
sub ax, 0
sub ax, -1
sub ax, 0x80
sub ax, 0x7fff
sub ax, 0xffff
sub ax, -129
sub cx, 1
sub dx, 0x7f
sub bx, 0xff80
sub sp, 0x8000
sub bp, -128
sub word [bx+di+4], 0
sub word [si+0x1234], 0x7f
sub word [di], 0x7fff
sub word [bp+si-2], -128
sub ebp, esi
sub [bx], edi
sub eax, [bp+di]
sub eax, 0
sub eax, -1
sub eax, 128
sub eax, -129
sub eax, 0x80000000
sub eax, 0x12345678
sub ecx, 1
sub edx, 127
sub ebx, -128
sub esp, 0x7fffffff
sub ebp, 0xffffffff
sub dword [eax-128], 0
sub dword [eax+127], 127
sub dword [eax+128], -129
sub dword [eax-129], 0xffffffff
sub eax, strict dword 1
sub ebx, strict dword -1
sub eax, byte 1
sub ecx, byte -2
sub [eax], byte 1
sub [ebx], dword 1
sub [ebx], word 0x100
sub ax, strict 1
lock sub dword [eax], 5
xor dl, bl
xor [esp+eax], ah
xor ch, [eax+esp]
xor al, 0
xor al, 0x7f
xor al, 0xff
xor al, -128
xor dh, 1
xor bh, 0x80
xor al, -1
xor byte [ebx+esp*1], 0
xor byte [gs:ebp-8], 0x80
xor byte [ds:eax], -128
xor si, di
xor [edx*4], ax
xor cx, [esi+edi*8-0x1000]
xor ax, 0
xor ax, -1
xor ax, 0x80
xor ax, 0x7fff
xor ax, 0xffff
xor ax, -129
xor dx, 1
xor bx, 0x7f
xor sp, 0xff80
xor bp, 0x8000
xor si, -128
xor word [ebp+ebp], 0
xor word [eax], 0x7f
xor word [ebx+4], 0x7fff
xor word [ecx-4], -128
xor esi, edi
xor [edx+0x80], eax
xor ecx, [esi-0x81]
xor eax, 0
xor eax, -1
xor eax, 128
xor eax, -129
xor eax, 0x80000000
xor eax, 0x12345678
xor edx, 1
xor ebx, 127
xor esp, -128
xor ebp, 0x7fffffff
xor esi, 0xffffffff
xor dword [edi+0x12345678], 0
xor dword [ebp], 127
xor dword [ebp+8], -129
xor dword [esp], 0xffffffff
xor eax, strict dword 1
xor ebx, strict dword -1
xor eax, byte 1
xor ecx, byte -2
xor [eax], byte 1
xor [ebx], dword 1
xor [ebx], word 0x100
xor ax, strict 1
lock xor dword [eax], 5
cmp cl, dl
cmp [esp+4], bl
cmp ah, [esp+0x100]
cmp al, 0
cmp al, 0x7f
cmp al, 0xff
cmp al, -128
cmp ch, 1
cmp dh, 0x80
cmp bh, -1
cmp byte [eax+ebx], 0
cmp byte [ebx+eax*2], 0x80
cmp byte [ecx+edx*4+8], -128
cmp di, ax
cmp [esi*8+0x100], cx
cmp dx, [edi*2]
cmp ax, 0
cmp ax, -1
cmp ax, 0x80
cmp ax, 0x7fff
cmp ax, 0xffff
cmp ax, -129
cmp bx, 1
cmp sp, 0x7f
cmp bp, 0xff80
cmp si, 0x8000
cmp di, -128
cmp word [ebp*1+eax], 0
cmp word [eax+ebp], 0x7f
cmp word [ebp+eax], 0x7fff
cmp word [esp+ebp*2], -128
cmp edi, eax
cmp [0x1234], ecx
cmp edx, [0x12345678]
cmp eax, 0
cmp eax, -1
cmp eax, 128
cmp eax, -129
cmp eax, 0x80000000
cmp eax, 0x12345678
cmp ebx, 1
cmp esp, 127
cmp ebp, -128
cmp esi, 0x7fffffff
cmp edi, 0xffffffff
cmp dword [fs:eax], 0
cmp dword [es:ebx+4], 127
cmp dword [ss:esp], -129
cmp dword [cs:0x100], 0xffffffff
cmp eax, strict dword 1
cmp ebx, strict dword -1
cmp eax, byte 1
cmp ecx, byte -2
cmp [eax], byte 1
cmp [ebx], dword 1
cmp [ebx], word 0x100
cmp ax, strict 1
cmp dword [eax], 5

; --- TEST (commutative: both operand orders)
test al, cl
test [byte eax+4], dl
test bl, [dword eax+4]
test al, 0
test ah, 0
test byte [dword eax], 0
test al, 0x80
test ch, 0x80
test byte [byte ebp], 0x80
test al, -128
test dh, -128
test byte [eax+0xffffffff], -128
test ax, cx
test [ebx*1], dx
test bx, [eax*3]
test ax, 0
test sp, 0
test word [eax*5+4], 0
test ax, 0x7f
test bp, 0x7f
test word [eax*9], 0x7f
test ax, 0x7fff
test si, 0x7fff
test word [bx+si], 0x7fff
test ax, -128
test di, -128
test word [bp], -128
test eax, ecx
test [bx+di+4], edx
test ebx, [si+0x1234]
test eax, 0
test esp, 0
test dword [di], 0
test eax, 127
test ebp, 127
test dword [bp+si-2], 127
test eax, -129
test esi, -129
test dword [bx], -129
test eax, 0xffffffff
test edi, 0xffffffff
test dword [bp+di], 0xffffffff
test [eax], byte 1

; --- INC DEC NOT NEG MUL IMUL DIV IDIV
inc bh
inc al
inc byte [eax-128]
inc byte [eax+127]
inc ax
inc cx
inc word [eax+128]
inc word [eax-129]
inc eax
inc ecx
inc dword [esp+eax]
inc dword [eax+esp]
dec cl
dec dl
dec byte [ebx+esp*1]
dec byte [gs:ebp-8]
dec dx
dec bx
dec word [ds:eax]
dec word [edx*4]
dec edx
dec ebx
dec dword [esi+edi*8-0x1000]
dec dword [ebp+ebp]
not bl
not ah
not byte [eax]
not byte [ebx+4]
not sp
not bp
not word [ecx-4]
not word [edx+0x80]
not esp
not ebp
not dword [esi-0x81]
not dword [edi+0x12345678]
neg ch
neg dh
neg byte [ebp]
neg byte [ebp+8]
neg si
neg di
neg word [esp]
neg word [esp+4]
neg esi
neg edi
neg dword [esp+0x100]
neg dword [eax+ebx]
mul bh
mul al
mul byte [ebx+eax*2]
mul byte [ecx+edx*4+8]
mul ax
mul cx
mul word [esi*8+0x100]
mul word [edi*2]
mul eax
mul ecx
mul dword [ebp*1+eax]
mul dword [eax+ebp]
imul cl
imul dl
imul byte [ebp+eax]
imul byte [esp+ebp*2]
imul dx
imul bx
imul word [0x1234]
imul word [0x12345678]
imul edx
imul ebx
imul dword [fs:eax]
imul dword [es:ebx+4]
div bl
div ah
div byte [ss:esp]
div byte [cs:0x100]
div sp
div bp
div word [byte eax+4]
div word [dword eax+4]
div esp
div ebp
div dword [dword eax]
div dword [byte ebp]
idiv ch
idiv dh
idiv byte [eax+0xffffffff]
idiv byte [ebx*1]
idiv si
idiv di
idiv word [eax*3]
idiv word [eax*5+4]
idiv esi
idiv edi
idiv dword [eax*9]
idiv dword [bx+si]
inc eax
dec eax
inc ecx
dec ecx
inc edx
dec edx
inc ebx
dec ebx
inc esp
dec esp
inc ebp
dec ebp
inc esi
dec esi
inc edi
dec edi
inc ax
dec ax
inc cx
dec cx
inc dx
dec dx
inc bx
dec bx
inc sp
dec sp
inc bp
dec bp
inc si
dec si
inc di
dec di

; --- decimal adjustments DAA DAS AAA AAS AAM AAD (AAM and AAD without an operand use base 10)
daa
das
aaa
aas
aam
aam 10
aam 0
aam 16
aam 0xff
aad
aad 7
aad 0
aad 255
o16 daa

; --- IMUL two and three operands
imul ax, cx
imul dx, [bp]
imul bx, sp, 0
imul bp, si, 1
imul di, ax, -1
imul cx, dx, 0x7f
imul bx, sp, 0x80
imul bp, si, 0xff80
imul di, ax, 0x7fff
imul cx, dx, 0x8000
imul bx, sp, 0xffff
imul bp, si, -128
imul di, ax, -129
imul cx, word [bx+di+4], 0
imul dx, 0
imul bx, word [si+0x1234], -1
imul sp, -1
imul bp, word [di], 0x80
imul si, 0x80
imul di, word [bp+si-2], 0x7fff
imul ax, 0x7fff
imul cx, word [bx], 0xffff
imul dx, 0xffff
imul bx, word [bp+di], -129
imul sp, -129
imul eax, ecx
imul edx, [eax-128]
imul ebx, esp, 0
imul ebp, esi, 1
imul edi, eax, -1
imul ecx, edx, 127
imul ebx, esp, 128
imul ebp, esi, -128
imul edi, eax, -129
imul ecx, edx, 0x7fffffff
imul ebx, esp, 0x80000000
imul ebp, esi, 0xffffffff
imul edi, eax, 0x12345678
imul ecx, dword [eax+127], 0
imul edx, 0
imul ebx, dword [eax+128], -1
imul esp, -1
imul ebp, dword [eax-129], 128
imul esi, 128
imul edi, dword [esp+eax], -129
imul eax, -129
imul ecx, dword [eax+esp], 0x80000000
imul edx, 0x80000000
imul ebx, dword [ebx+esp*1], 0x12345678
imul esp, 0x12345678
imul eax, ebx, strict dword 1
imul eax, ebx, byte 1

; --- shifts and rotates (SAL is SHL)
rol bh, 1
rol byte [gs:ebp-8], 1
rol al, cl
rol byte [ds:eax], cl
rol cl, 0
rol dl, 2
rol bl, 31
rol ah, 0xff
rol byte [edx*4], 3
rol bp, 1
rol word [esi+edi*8-0x1000], 1
rol si, cl
rol word [ebp+ebp], cl
rol di, 0
rol ax, 2
rol cx, 31
rol dx, 0xff
rol word [eax], 3
rol ebp, 1
rol dword [ebx+4], 1
rol esi, cl
rol dword [ecx-4], cl
rol edi, 0
rol eax, 2
rol ecx, 31
rol edx, 0xff
rol dword [edx+0x80], 3
rol eax, byte 1
rol eax, strict 1
ror ch, 1
ror byte [esi-0x81], 1
ror dh, cl
ror byte [edi+0x12345678], cl
ror bh, 0
ror al, 2
ror cl, 31
ror dl, 0xff
ror byte [ebp], 3
ror bx, 1
ror word [ebp+8], 1
ror sp, cl
ror word [esp], cl
ror bp, 0
ror si, 2
ror di, 31
ror ax, 0xff
ror word [esp+4], 3
ror ebx, 1
ror dword [esp+0x100], 1
ror esp, cl
ror dword [eax+ebx], cl
ror ebp, 0
ror esi, 2
ror edi, 31
ror eax, 0xff
ror dword [ebx+eax*2], 3
ror eax, byte 1
ror eax, strict 1
rcl bl, 1
rcl byte [ecx+edx*4+8], 1
rcl ah, cl
rcl byte [esi*8+0x100], cl
rcl ch, 0
rcl dh, 2
rcl bh, 31
rcl al, 0xff
rcl byte [edi*2], 3
rcl cx, 1
rcl word [ebp*1+eax], 1
rcl dx, cl
rcl word [eax+ebp], cl
rcl bx, 0
rcl sp, 2
rcl bp, 31
rcl si, 0xff
rcl word [ebp+eax], 3
rcl ecx, 1
rcl dword [esp+ebp*2], 1
rcl edx, cl
rcl dword [0x1234], cl
rcl ebx, 0
rcl esp, 2
rcl ebp, 31
rcl esi, 0xff
rcl dword [0x12345678], 3
rcl eax, byte 1
rcl eax, strict 1
rcr cl, 1
rcr byte [fs:eax], 1
rcr dl, cl
rcr byte [es:ebx+4], cl
rcr bl, 0
rcr ah, 2
rcr ch, 31
rcr dh, 0xff
rcr byte [ss:esp], 3
rcr di, 1
rcr word [cs:0x100], 1
rcr ax, cl
rcr word [byte eax+4], cl
rcr cx, 0
rcr dx, 2
rcr bx, 31
rcr sp, 0xff
rcr word [dword eax+4], 3
rcr edi, 1
rcr dword [dword eax], 1
rcr eax, cl
rcr dword [byte ebp], cl
rcr ecx, 0
rcr edx, 2
rcr ebx, 31
rcr esp, 0xff
rcr dword [eax+0xffffffff], 3
rcr eax, byte 1
rcr eax, strict 1
shl bh, 1
shl byte [ebx*1], 1
shl al, cl
shl byte [eax*3], cl
shl cl, 0
shl dl, 2
shl bl, 31
shl ah, 0xff
shl byte [eax*5+4], 3
shl bp, 1
shl word [eax*9], 1
shl si, cl
shl word [bx+si], cl
shl di, 0
shl ax, 2
shl cx, 31
shl dx, 0xff
shl word [bp], 3
shl ebp, 1
shl dword [bx+di+4], 1
shl esi, cl
shl dword [si+0x1234], cl
shl edi, 0
shl eax, 2
shl ecx, 31
shl edx, 0xff
shl dword [di], 3
shl eax, byte 1
shl eax, strict 1
shr ch, 1
shr byte [bp+si-2], 1
shr dh, cl
shr byte [bx], cl
shr bh, 0
shr al, 2
shr cl, 31
shr dl, 0xff
shr byte [bp+di], 3
shr bx, 1
shr word [eax-128], 1
shr sp, cl
shr word [eax+127], cl
shr bp, 0
shr si, 2
shr di, 31
shr ax, 0xff
shr word [eax+128], 3
shr ebx, 1
shr dword [eax-129], 1
shr esp, cl
shr dword [esp+eax], cl
shr ebp, 0
shr esi, 2
shr edi, 31
shr eax, 0xff
shr dword [eax+esp], 3
shr eax, byte 1
shr eax, strict 1
sal bl, 1
sal byte [ebx+esp*1], 1
sal ah, cl
sal byte [gs:ebp-8], cl
sal ch, 0
sal dh, 2
sal bh, 31
sal al, 0xff
sal byte [ds:eax], 3
sal cx, 1
sal word [edx*4], 1
sal dx, cl
sal word [esi+edi*8-0x1000], cl
sal bx, 0
sal sp, 2
sal bp, 31
sal si, 0xff
sal word [ebp+ebp], 3
sal ecx, 1
sal dword [eax], 1
sal edx, cl
sal dword [ebx+4], cl
sal ebx, 0
sal esp, 2
sal ebp, 31
sal esi, 0xff
sal dword [ecx-4], 3
sal eax, byte 1
sal eax, strict 1
sar cl, 1
sar byte [edx+0x80], 1
sar dl, cl
sar byte [esi-0x81], cl
sar bl, 0
sar ah, 2
sar ch, 31
sar dh, 0xff
sar byte [edi+0x12345678], 3
sar di, 1
sar word [ebp], 1
sar ax, cl
sar word [ebp+8], cl
sar cx, 0
sar dx, 2
sar bx, 31
sar sp, 0xff
sar word [esp], 3
sar edi, 1
sar dword [esp+4], 1
sar eax, cl
sar dword [esp+0x100], cl
sar ecx, 0
sar edx, 2
sar ebx, 31
sar esp, 0xff
sar dword [eax+ebx], 3
sar eax, byte 1
sar eax, strict 1

; --- SHLD SHRD
shld bp, si, 4
shld word [ebx+eax*2], di, 0x1f
shld [ecx+edx*4+8], ax, 1
shld bp, si, cl
shld [esi*8+0x100], cx, cl
shld ebp, esi, 4
shld dword [edi*2], edi, 0x1f
shld [ebp*1+eax], eax, 1
shld ebp, esi, cl
shld [eax+ebp], ecx, cl
shrd dx, bx, 4
shrd word [ebp+eax], sp, 0x1f
shrd [esp+ebp*2], bp, 1
shrd dx, bx, cl
shrd [0x1234], si, cl
shrd edx, ebx, 4
shrd dword [0x12345678], esp, 0x1f
shrd [fs:eax], ebp, 1
shrd edx, ebx, cl
shrd [es:ebx+4], esi, cl

; --- BT BTS BTR BTC BSF BSR
bt di, ax
bt [ss:esp], cx
bt dx, 5
bt word [cs:0x100], 0xff
bt edi, eax
bt [byte eax+4], ecx
bt edx, 5
bt dword [dword eax+4], 0xff
bts bx, sp
bts [dword eax], bp
bts si, 5
bts word [byte ebp], 0xff
bts ebx, esp
bts [eax+0xffffffff], ebp
bts esi, 5
bts dword [ebx*1], 0xff
btr di, ax
btr [eax*3], cx
btr dx, 5
btr word [eax*5+4], 0xff
btr edi, eax
btr [eax*9], ecx
btr edx, 5
btr dword [bx+si], 0xff
btc bx, sp
btc [bp], bp
btc si, 5
btc word [bx+di+4], 0xff
btc ebx, esp
btc [si+0x1234], ebp
btc esi, 5
btc dword [di], 0xff
bsf di, ax
bsf cx, [bp+si-2]
bsf edi, eax
bsf ecx, [bx]
bsr dx, bx
bsr sp, [bp+di]
bsr edx, ebx
bsr esp, [eax-128]

; --- MOV
mov bh, al
mov [eax+127], cl
mov dl, [eax+128]
mov bl, 0
mov ah, 1
mov ch, 0x7f
mov dh, 0x80
mov bh, 0xff
mov al, -1
mov cl, -128
mov byte [eax-129], 0
mov byte [esp+eax], 0x7f
mov byte [eax+esp], 0xff
mov byte [ebx+esp*1], -128
mov [gs:ebp-8], byte 7
mov bp, si
mov [ds:eax], di
mov ax, [edx*4]
mov cx, 0
mov dx, 1
mov bx, -1
mov sp, 0x7f
mov bp, 0x80
mov si, 0xff80
mov di, 0x7fff
mov ax, 0x8000
mov cx, 0xffff
mov dx, -128
mov bx, -129
mov word [esi+edi*8-0x1000], 0
mov word [ebp+ebp], -1
mov word [eax], 0x80
mov word [ebx+4], 0x7fff
mov word [ecx-4], 0xffff
mov word [edx+0x80], -129
mov [esi-0x81], word 7
mov ebp, esi
mov [edi+0x12345678], edi
mov eax, [ebp]
mov ecx, 0
mov edx, 1
mov ebx, -1
mov esp, 127
mov ebp, 128
mov esi, -128
mov edi, -129
mov eax, 0x7fffffff
mov ecx, 0x80000000
mov edx, 0xffffffff
mov ebx, 0x12345678
mov dword [ebp+8], 0
mov dword [esp], -1
mov dword [esp+4], 128
mov dword [esp+0x100], -129
mov dword [eax+ebx], 0x80000000
mov dword [ebx+eax*2], 0x12345678
mov [ecx+edx*4+8], dword 7

; --- MOV moffs (A0-A3)
mov al, [0x1234]
mov [0x1234], al
mov al, [0x12345678]
mov [0x12345678], al
mov al, [fs:0x10]
mov [fs:0x10], al
mov al, [-1]
mov [-1], al
mov al, [dword 0x100]
mov [dword 0x100], al
mov al, [word 0x1234]
mov [word 0x1234], al
mov ax, [0x1234]
mov [0x1234], ax
mov ax, [0x12345678]
mov [0x12345678], ax
mov ax, [fs:0x10]
mov [fs:0x10], ax
mov ax, [-1]
mov [-1], ax
mov ax, [dword 0x100]
mov [dword 0x100], ax
mov ax, [word 0x1234]
mov [word 0x1234], ax
mov eax, [0x1234]
mov [0x1234], eax
mov eax, [0x12345678]
mov [0x12345678], eax
mov eax, [fs:0x10]
mov [fs:0x10], eax
mov eax, [-1]
mov [-1], eax
mov eax, [dword 0x100]
mov [dword 0x100], eax
mov eax, [word 0x1234]
mov [word 0x1234], eax
a16 mov eax, [0x1234]
mov ebx, [0x1234]
mov [0x1234], cl

; --- MOV with segment registers
mov ax, es
mov ecx, es
mov [esi*8+0x100], es
mov word [eax], es
mov es, dx
mov es, esi
mov es, [edi*2]
mov es, word [ebx]
mov ax, cs
mov ecx, cs
mov [ebp*1+eax], cs
mov word [eax], cs
mov ax, ss
mov ecx, ss
mov [eax+ebp], ss
mov word [eax], ss
mov ss, dx
mov ss, esi
mov ss, [ebp+eax]
mov ss, word [ebx]
mov ax, ds
mov ecx, ds
mov [esp+ebp*2], ds
mov word [eax], ds
mov ds, dx
mov ds, esi
mov ds, [0x1234]
mov ds, word [ebx]
mov ax, fs
mov ecx, fs
mov [0x12345678], fs
mov word [eax], fs
mov fs, dx
mov fs, esi
mov fs, [fs:eax]
mov fs, word [ebx]
mov ax, gs
mov ecx, gs
mov [es:ebx+4], gs
mov word [eax], gs
mov gs, dx
mov gs, esi
mov gs, [ss:esp]
mov gs, word [ebx]
mov cs, ax

; --- MOV CRn / DRn
mov esp, cr0
mov cr0, ebp
mov esi, cr2
mov cr2, edi
mov eax, cr3
mov cr3, ecx
mov edx, cr4
mov cr4, ebx
mov esp, dr0
mov dr0, ebp
mov esi, dr1
mov dr1, edi
mov eax, dr2
mov dr2, ecx
mov edx, dr3
mov dr3, ebx
mov esp, dr6
mov dr6, ebp
mov esi, dr7
mov dr7, edi

; --- MOVZX MOVSX
movzx eax, bl
movzx ax, bh
movzx ecx, dx
movzx edx, byte [cs:0x100]
movzx si, byte [byte eax+4]
movzx edi, word [dword eax+4]
movsx eax, bl
movsx ax, bh
movsx ecx, dx
movsx edx, byte [dword eax]
movsx si, byte [byte ebp]
movsx edi, word [eax+0xffffffff]

; --- LEA
lea eax, [eax]
lea ecx, [ebx+4]
lea edx, [ecx-4]
lea ebx, [edx+0x80]
lea esp, [esi-0x81]
lea ebp, [edi+0x12345678]
lea esi, [ebp]
lea edi, [ebp+8]
lea eax, [esp]
lea ecx, [esp+4]
lea edx, [esp+0x100]
lea ebx, [eax+ebx]
lea esp, [ebx+eax*2]
lea ebp, [ecx+edx*4+8]
lea esi, [esi*8+0x100]
lea edi, [edi*2]
lea eax, [ebp*1+eax]
lea ecx, [eax+ebp]
lea edx, [ebp+eax]
lea ebx, [esp+ebp*2]
lea esp, [0x1234]
lea ebp, [0x12345678]
lea esi, [fs:eax]
lea edi, [es:ebx+4]
lea ax, [ebx+4]
lea eax, dword [ebx]
lea eax, byte [ebx+ecx]

; --- XCHG (commutative; eAX with a register is 90+r)
xchg eax, ecx
xchg ecx, eax
xchg eax, edx
xchg edx, eax
xchg eax, ebx
xchg ebx, eax
xchg eax, esp
xchg esp, eax
xchg eax, ebp
xchg ebp, eax
xchg eax, esi
xchg esi, eax
xchg eax, edi
xchg edi, eax
xchg ax, cx
xchg cx, ax
xchg ax, dx
xchg dx, ax
xchg ax, bx
xchg bx, ax
xchg ax, sp
xchg sp, ax
xchg ax, bp
xchg bp, ax
xchg ax, si
xchg si, ax
xchg ax, di
xchg di, ax
xchg dl, bl
xchg [ebx*1], ah
xchg ch, [eax*3]
xchg sp, bp
xchg [eax*5+4], si
xchg di, [eax*9]
xchg eax, ecx
xchg [bx+si], edx
xchg ebx, [bp]
xchg eax, eax
xchg ax, ax
xchg al, al
lock xchg [eax], ecx

; --- XADD CMPXCHG CMPXCHG8B BSWAP
xadd dh, bh
xadd [bx+di+4], al
lock xadd [si+0x1234], cl
xadd ax, cx
xadd [di], dx
lock xadd [bp+si-2], bx
xadd esp, ebp
xadd [bx], esi
lock xadd [bp+di], edi
cmpxchg dl, bl
cmpxchg [eax-128], ah
lock cmpxchg [eax+127], ch
cmpxchg sp, bp
cmpxchg [eax+128], si
lock cmpxchg [eax-129], di
cmpxchg eax, ecx
cmpxchg [esp+eax], edx
lock cmpxchg [eax+esp], ebx
cmpxchg8b [eax]
cmpxchg8b qword [esp+8]
lock cmpxchg8b [ebx+ecx*4]
bswap eax
bswap ecx
bswap edx
bswap ebx
bswap esp
bswap ebp
bswap esi
bswap edi

; --- PUSH POP
push eax
pop eax
push ecx
pop ecx
push edx
pop edx
push ebx
pop ebx
push esp
pop esp
push ebp
pop ebp
push esi
pop esi
push edi
pop edi
push ax
pop ax
push cx
pop cx
push dx
pop dx
push bx
pop bx
push sp
pop sp
push bp
pop bp
push si
pop si
push di
pop di
push word [ebx+esp*1]
pop word [ebx+esp*1]
push word [gs:ebp-8]
pop word [gs:ebp-8]
push word [ds:eax]
pop word [ds:eax]
push dword [edx*4]
pop dword [edx*4]
push dword [esi+edi*8-0x1000]
pop dword [esi+edi*8-0x1000]
push dword [ebp+ebp]
pop dword [ebp+ebp]
push 0
push 1
push -1
push 0x7f
push 0x80
push -128
push -129
push 0x12345678
push 0xffffffff
push word 1
push word 0x80
push word 0x1234
push word -1
push word 0xffff
push dword 1
push byte 1
push byte -1
push strict dword 1
push strict word 1
push strict byte 2
push strict 1
push es
pop es
push cs
push ss
pop ss
push ds
pop ds
push fs
pop fs
push gs
pop gs
pusha
pushad
pushaw
popa
popad
popaw
pushf
pushfd
pushfw
popf
popfd
popfw
lahf
sahf
enter 0, 0
enter 4, 1
enter 0xffff, 0xff
leave

; --- CMOVcc SETcc (NASM condition names and synonyms)
cmovo esp, ebp
cmovo ax, [eax]
seto dh
seto [ebx+4]
seto byte [ecx-4]
cmovno esi, edi
cmovno cx, [edx+0x80]
setno bh
setno [esi-0x81]
setno byte [edi+0x12345678]
cmovb eax, ecx
cmovb dx, [ebp]
setb al
setb [ebp+8]
setb byte [esp]
cmovc edx, ebx
cmovc bx, [esp+4]
setc cl
setc [esp+0x100]
setc byte [eax+ebx]
cmovnae esp, ebp
cmovnae sp, [ebx+eax*2]
setnae dl
setnae [ecx+edx*4+8]
setnae byte [esi*8+0x100]
cmovae esi, edi
cmovae bp, [edi*2]
setae bl
setae [ebp*1+eax]
setae byte [eax+ebp]
cmovnb eax, ecx
cmovnb si, [ebp+eax]
setnb ah
setnb [esp+ebp*2]
setnb byte [0x1234]
cmovnc edx, ebx
cmovnc di, [0x12345678]
setnc ch
setnc [fs:eax]
setnc byte [es:ebx+4]
cmove esp, ebp
cmove ax, [ss:esp]
sete dh
sete [cs:0x100]
sete byte [byte eax+4]
cmovz esi, edi
cmovz cx, [dword eax+4]
setz bh
setz [dword eax]
setz byte [byte ebp]
cmovne eax, ecx
cmovne dx, [eax+0xffffffff]
setne al
setne [ebx*1]
setne byte [eax*3]
cmovnz edx, ebx
cmovnz bx, [eax*5+4]
setnz cl
setnz [eax*9]
setnz byte [bx+si]
cmovbe esp, ebp
cmovbe sp, [bp]
setbe dl
setbe [bx+di+4]
setbe byte [si+0x1234]
cmovna esi, edi
cmovna bp, [di]
setna bl
setna [bp+si-2]
setna byte [bx]
cmova eax, ecx
cmova si, [bp+di]
seta ah
seta [eax-128]
seta byte [eax+127]
cmovnbe edx, ebx
cmovnbe di, [eax+128]
setnbe ch
setnbe [eax-129]
setnbe byte [esp+eax]
cmovs esp, ebp
cmovs ax, [eax+esp]
sets dh
sets [ebx+esp*1]
sets byte [gs:ebp-8]
cmovns esi, edi
cmovns cx, [ds:eax]
setns bh
setns [edx*4]
setns byte [esi+edi*8-0x1000]
cmovp eax, ecx
cmovp dx, [ebp+ebp]
setp al
setp [eax]
setp byte [ebx+4]
cmovpe edx, ebx
cmovpe bx, [ecx-4]
setpe cl
setpe [edx+0x80]
setpe byte [esi-0x81]
cmovnp esp, ebp
cmovnp sp, [edi+0x12345678]
setnp dl
setnp [ebp]
setnp byte [ebp+8]
cmovpo esi, edi
cmovpo bp, [esp]
setpo bl
setpo [esp+4]
setpo byte [esp+0x100]
cmovl eax, ecx
cmovl si, [eax+ebx]
setl ah
setl [ebx+eax*2]
setl byte [ecx+edx*4+8]
cmovnge edx, ebx
cmovnge di, [esi*8+0x100]
setnge ch
setnge [edi*2]
setnge byte [ebp*1+eax]
cmovge esp, ebp
cmovge ax, [eax+ebp]
setge dh
setge [ebp+eax]
setge byte [esp+ebp*2]
cmovnl esi, edi
cmovnl cx, [0x1234]
setnl bh
setnl [0x12345678]
setnl byte [fs:eax]
cmovle eax, ecx
cmovle dx, [es:ebx+4]
setle al
setle [ss:esp]
setle byte [cs:0x100]
cmovng edx, ebx
cmovng bx, [byte eax+4]
setng cl
setng [dword eax+4]
setng byte [dword eax]
cmovg esp, ebp
cmovg sp, [byte ebp]
setg dl
setg [eax+0xffffffff]
setg byte [ebx*1]
cmovnle esi, edi
cmovnle bp, [eax*3]
setnle bl
setnle [eax*5+4]
setnle byte [eax*9]

; --- CBW CWDE CWD CDQ, far pointer loads, XLAT
cbw
cwde
cwd
cdq
xlatb
xlat
les eax, [bx+si]
les si, [bp]
lds ecx, [bx+di+4]
lds di, [si+0x1234]
lss edx, [di]
lss ax, [bp+si-2]
lfs ebx, [bx]
lfs cx, [bp+di]
lgs esp, [eax-128]
lgs dx, [eax+127]

; --- JMP / CALL relative: rel8 when the target is in range, else rel32
jmp $
jmp $+2
jmp $+0x81
jmp $+0x82
jmp $-0x7e
jmp $-0x7f
jmp $+0x1000
jmp $-0x1000
jmp short $+0x81
jmp short $-0x7e
jmp near $+2
jmp dword $
jmp strict $
jmp word $+0x10
jmp 0x1000
call $
call $+5
call $-0x100
call $+0x12345
call word $+0x20
call near $

; --- Jcc
jo $+16
jo $-512
jno $+17
jno $-513
jb $+18
jb $-514
jc $+19
jc $-515
jnae $+20
jnae $-516
jae $+21
jae $-517
jnb $+22
jnb $-518
jnc $+23
jnc $-519
je $+24
je $-520
jz $+25
jz $-521
jne $+26
jne $-522
jnz $+27
jnz $-523
jbe $+28
jbe $-524
jna $+29
jna $-525
ja $+30
ja $-526
jnbe $+31
jnbe $-527
js $+32
js $-528
jns $+33
jns $-529
jp $+34
jp $-530
jpe $+35
jpe $-531
jnp $+36
jnp $-532
jpo $+37
jpo $-533
jl $+38
jl $-534
jnge $+39
jnge $-535
jge $+40
jge $-536
jnl $+41
jnl $-537
jle $+42
jle $-538
jng $+43
jng $-539
jg $+44
jg $-540
jnle $+45
jnle $-541
je $+0x81
je $+0x82
je $-0x7e
je $-0x7f
je short $
je near $
jne $+0x81
jne $+0x82
jne $-0x7e
jne $-0x7f
jne short $
jne near $
jl $+0x81
jl $+0x82
jl $-0x7e
jl $-0x7f
jl short $
jl near $

; --- LOOP JECXZ (rel8 only)
loop $
loop $+0x81
loop $-0x7d
loope $
loope $+0x81
loope $-0x7d
loopz $
loopz $+0x81
loopz $-0x7d
loopne $
loopne $+0x81
loopne $-0x7d
loopnz $
loopnz $+0x81
loopnz $-0x7d
jecxz $
jecxz $+0x81
jecxz $-0x7d
jcxz $
jcxz $+0x81
jcxz $-0x7d

; --- JMP / CALL indirect and far
jmp eax
jmp ecx
jmp edx
jmp ebx
jmp si
jmp [eax+128]
jmp dword [eax-129]
jmp word [esp+eax]
jmp near [eax+esp]
jmp far [ebx+esp*1]
jmp far [gs:ebp-8]
jmp 0x08:0x1000
jmp 0xffff:0x12345678
call eax
call ecx
call edx
call ebx
call si
call [ds:eax]
call dword [edx*4]
call word [esi+edi*8-0x1000]
call near [ebp+ebp]
call far [eax]
call far [ebx+4]
call 0x08:0x1000
call 0xffff:0x12345678

; --- RET INT
ret
ret 4
ret 0xffff
retn
retn 8
retw
retd
retf
retf 4
retfw
retfd
retfd 2
int 3
int3
int 0x80
int 0xff
into
bound eax, [ebx]
bound ax, [ebx+8]
bound edi, [esp+eax*4-8]
bound esp, [0x1234]
a16 bound cx, [bp+si]
iret
iretd
iretw
hlt
pause
nop
ud2

; --- multi-byte NOP
nop eax
nop ax
nop dword [eax]
nop word [eax+eax*1+0]
nop dword [eax+eax*1+0x00000000]
nop dword [eax+0]
; reserved NOPs 0F 19, 0F 1C..0F 1F (NASM's hint_nop8..15, hint_nop32..63; hint_nop56 is nop)
hint_nop8 eax
hint_nop9 dword [eax+1]
hint_nop10 word [ebx]
hint_nop11 ebx
hint_nop12 dword [eax+4]
hint_nop13 word [ebx]
hint_nop14 esi
hint_nop15 dword [eax+7]
hint_nop32 eax
hint_nop33 dword [eax+25]
hint_nop34 word [ebx]
hint_nop35 ebx
hint_nop36 dword [eax+28]
hint_nop37 word [ebx]
hint_nop38 esi
hint_nop39 dword [eax+31]
hint_nop40 word [ebx]
hint_nop41 ecx
hint_nop42 dword [eax+34]
hint_nop43 word [ebx]
hint_nop44 esp
hint_nop45 dword [eax+37]
hint_nop46 word [ebx]
hint_nop47 edi
hint_nop48 dword [eax+40]
hint_nop49 word [ebx]
hint_nop50 edx
hint_nop51 dword [eax+43]
hint_nop52 word [ebx]
hint_nop53 ebp
hint_nop54 dword [eax+46]
hint_nop55 word [ebx]
hint_nop57 dword [eax+49]
hint_nop58 word [ebx]
hint_nop59 ebx
hint_nop60 dword [eax+52]
hint_nop61 word [ebx]
hint_nop62 esi
hint_nop63 dword [eax+55]
hint_nop56 eax
hint_nop63 cx

; --- string instructions and REP prefixes
movsb
movsw
movsd
stosb
stosw
stosd
lodsb
lodsw
lodsd
cmpsb
cmpsw
cmpsd
scasb
scasw
scasd
insb
insw
insd
outsb
outsw
outsd
rep movsb
rep movsd
rep movsw
rep stosb
rep stosd
rep stosw
rep lodsb
rep lodsd
rep lodsw
rep insb
rep insd
rep insw
rep outsb
rep outsd
rep outsw
repe cmpsb
repe cmpsd
repz cmpsb
repz cmpsd
repne cmpsb
repne cmpsd
repnz cmpsb
repnz cmpsd
repe scasb
repe scasd
repz scasb
repz scasd
repne scasb
repne scasd
repnz scasb
repnz scasd
es movsb
fs lodsd
a16 movsb
o32 movsw
o16 movsd
rep o16 stosd

; --- flags and system
clc
stc
cmc
cld
std
cli
sti
clts
arpl [eax], cx
arpl dx, cx
arpl word [ebx+ecx*2+0x10], sp
arpl ax, ax
cpuid
rdtsc
rdmsr
wrmsr
wbinvd
invd
sysenter
syscall
fwait
wait
lgdt [ecx-4]
lgdt [edx+0x80]
sgdt [esi-0x81]
sgdt [edi+0x12345678]
lidt [ebp]
lidt [ebp+8]
sidt [esp]
sidt [esp+4]
invlpg [esp+0x100]
invlpg [eax+ebx]
smsw eax
smsw cx
smsw [ebx+eax*2]
smsw word [ecx+edx*4+8]
lar eax, ecx
lar eax, ax
lar ax, cx
lar ax, ecx
lar eax, [ebx]
lar eax, word [ebx+4]
lar di, [esp]
lsl eax, ecx
lsl edx, si
lsl bx, word [eax*2+0x10]
lsl ecx, [0x1234]
verr ax
verr [ebx]
verr word [ebp-4]
verw cx
verw word [ebx]
verw di
sldt eax
sldt cx
sldt [esi*8+0x100]
sldt word [edi*2]
str eax
str cx
str [ebp*1+eax]
str word [eax+ebp]
lmsw dx
lmsw [ebp+eax]
lmsw word [esp+ebp*2]
lldt dx
lldt [0x1234]
lldt word [0x12345678]
ltr dx
ltr [fs:eax]
ltr word [es:ebx+4]

; --- IN OUT
in al, 0x60
in al, 0xff
in al, dx
out 0x80, al
out 0, al
out dx, al
in ax, 0x60
in ax, 0xff
in ax, dx
out 0x80, ax
out 0, ax
out dx, ax
in eax, 0x60
in eax, 0xff
in eax, dx
out 0x80, eax
out 0, eax
out dx, eax

; --- prefixes: NASM's fixed order (rep, lock, segment, 0x66, 0x67) whatever the source order
lock add [eax], eax
fs lock add word [eax], 1
lock fs add word [eax], 1
lock add word [fs:eax], 1
gs mov eax, [ebx]
ss mov al, [0x1234]
o16 push 1
o32 push 1
o16 ret
o16 nop
a16 nop
rep nop
rep ret
lock lock inc dword [eax]
mov eax, [ds:eax]
mov eax, [ss:ebp]
mov ax, [bx+si+0xffff]
mov eax, [bp+di+0x100]

; --- NASM quirks found by EncoderFuzzTest
lea esi, 0x7fffffff
lea di, 0x7f
mov [byte 0x1234], al
mov eax, [ebp+ebp*3]
cmovns esp, [ecx+ecx*3]
lea eax, [eax*4+eax]
mov eax, [byte bx+1]
mov eax, [word 0x1234]
loop $, cx
loope $, ecx
rep pause
a16 pause
repne jmp $
repne je $
repne retf
repne jmp far [eax]
repne loop $
mov eax, [nosplit ebx*2]
mov eax, [nosplit ebx*1]
lea ecx, [nosplit edx*2+4]
mov eax, [eax*1+ebx]
lea eax, [eax+eax]
mov eax, [esi+esi*2]
