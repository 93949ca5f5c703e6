# Build the Windows one-folder program and, if Inno Setup is installed, the installer.
# Run from the project root in PowerShell:  powershell -ExecutionPolicy Bypass -File installer\build.ps1
# -Python names the interpreter to build with (default: the py launcher's Python 3.11).
param([string]$Python = "")
$ErrorActionPreference = "Stop"
if ($Python) { & $Python -m venv .venv-build } else { py -3.11 -m venv .venv-build }
if ($LASTEXITCODE -ne 0) { throw "could not create .venv-build" }
.\.venv-build\Scripts\python -m pip install -q -e ".[build]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
.\.venv-build\Scripts\pyinstaller --noconfirm --distpath dist installer\thidua-xa.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { Write-Host "Inno Setup 6 not found: dist\thidua-xa is the program folder."; exit 0 }
# Inno Setup installs only its official languages; Vietnamese is one of its unofficial translations, fetched
# once beside the script (not kept in the repository). Without it the installer speaks English.
$isl = "installer\Vietnamese.isl"
if (-not (Test-Path $isl)) {
  try {
    Invoke-WebRequest -UseBasicParsing -OutFile $isl `
      "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/Vietnamese.isl"
  } catch { Write-Host "Vietnamese.isl could not be fetched: the installer's own pages will be in English." }
}
$defines = @()
if (Test-Path $isl) { $defines += "/DVietnamese" }
& $iscc @defines installer\thidua-xa.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
