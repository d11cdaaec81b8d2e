OPENQASM 2.0;
include "qelib1.inc";
// parameter expressions, broadcasting and a user gate
qreg a[3];
qreg b[1];
creg c[4];
gate zz(theta) x, y { cx x, y; rz(2*theta) y; cx x, y; }
u3(pi/2, -pi/4, 0.5) a[0];
rx(pi/3) a;
zz(0.25) a[1], b[0];
cu1(pi/8) a[0], a[2];
barrier a, b;
measure a[0] -> c[0];
measure b -> c[3];
