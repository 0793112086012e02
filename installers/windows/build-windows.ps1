# Build the Windows installer: dist\mentordesk-<version>-windows-x64-setup.exe
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build-windows.ps1 [-SkipInstaller]
#
# Uses .venv when it exists, otherwise creates build\installer-venv with the Python on PATH;
# installs PyInstaller there, freezes the app with installers\mentordesk.spec into
# dist\mentordesk\ (mentordeskw.exe for the desktop, mentordesk.exe for the command line), makes
# the installer icon with Pillow and compiles mentordesk.iss with Inno Setup 6 (ISCC.exe on PATH
# or in its default folder). -SkipInstaller stops after the frozen folder.
param([switch]$SkipInstaller)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$py = ".venv\Scripts\python.exe"
if (-not (Test-Path $py)) {
    $py = "build\installer-venv\Scripts\python.exe"
    if (-not (Test-Path $py)) { Invoke-Checked "python" @("-m", "venv", "build\installer-venv") }
    Invoke-Checked $py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
    Invoke-Checked $py @("-m", "pip", "install", "--quiet", ".")
}
& $py -c "import PyInstaller" 2>$null
if ($LASTEXITCODE -ne 0) { Invoke-Checked $py @("-m", "pip", "install", "--quiet", "pyinstaller>=6.10,<7") }

$version = (& $py -c "import sys, pathlib; sys.path.insert(0, 'installers'); import freeze_config; print(freeze_config.read_version(pathlib.Path('.')))").Trim()
if (Test-Path "dist\mentordesk") { Remove-Item -Recurse -Force "dist\mentordesk" }
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist", "--workpath", "build\pyinstaller", "installers\mentordesk.spec")
if ($SkipInstaller) { Write-Host "frozen MentorDesk $version in dist\mentordesk"; exit 0 }

New-Item -ItemType Directory -Force build | Out-Null
Invoke-Checked $py @("-c", "from PIL import Image; Image.open('resources/icons/mentordesk-256.png').save('build/mentordesk.ico', sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])")

$iscc = (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    $iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe", "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") |
        Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $iscc) { throw "Inno Setup 6 not found: install it (choco install innosetup, or jrsoftware.org) or put ISCC.exe on PATH" }
Invoke-Checked $iscc @("/Q", "/DAppVersion=$version", "installers\windows\mentordesk.iss")
Write-Host "built dist\mentordesk-$version-windows-x64-setup.exe"
