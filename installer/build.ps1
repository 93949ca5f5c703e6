# Build the Windows one-folder program and, if Inno Setup is installed, the installer.
# Run from the project root in PowerShell:  powershell -ExecutionPolicy Bypass -File installer\build.ps1
$ErrorActionPreference = "Stop"
py -3.11 -m venv .venv-build
.\.venv-build\Scripts\pip install -q -e ".[build]"
.\.venv-build\Scripts\pyinstaller --noconfirm --distpath dist installer\thidua-xa.spec
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $iscc) { & $iscc installer\thidua-xa.iss } else { Write-Host "Inno Setup 6 not found: dist\thidua-xa is the program folder." }
