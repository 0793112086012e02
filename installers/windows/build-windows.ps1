# Build the Windows installer: dist\mentordesk-<version>-windows-x64-setup.exe
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\build-windows.ps1 [-SkipInstaller]
#
# Uses .venv when it exists, otherwise creates build\installer-venv with the Python on PATH;
# installs PyInstaller there, freezes the app with installers\mentordesk.spec into
# dist\mentordesk\ (mentordeskw.exe for the desktop, mentordesk.exe for the command line), makes
# the installer icon with Pillow and compiles mentordesk.iss with Inno Setup 6 or 7 (ISCC.exe on
# PATH or in its default folder). -SkipInstaller stops after the frozen folder.
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
    Invoke-Checked $py @("-m", "pip", "install", "--quiet", ".[installer]")
}
& $py -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('PyInstaller') else 1)"
if ($LASTEXITCODE -ne 0) { Invoke-Checked $py @("-m", "pip", "install", "--quiet", "pyinstaller>=6.10,<7") }

$version = (& $py -c "import sys, pathlib; sys.path.insert(0, 'installers'); import freeze_config; print(freeze_config.read_version(pathlib.Path('.')))").Trim()
if (Test-Path "dist\mentordesk") { Remove-Item -Recurse -Force "dist\mentordesk" }
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist", "--workpath", "build\pyinstaller", "installers\mentordesk.spec")
if ($SkipInstaller) { Write-Host "frozen MentorDesk $version in dist\mentordesk"; exit 0 }

New-Item -ItemType Directory -Force build | Out-Null
Invoke-Checked $py @("-c", "from PIL import Image; Image.open('resources/icons/mentordesk-256.png').save('build/mentordesk.ico', sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])")

# Inno Setup 6 or later (version 7 is made to be backward compatible with 6 scripts), newest first.
$iscc = (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    $iscc = Get-ChildItem -ErrorAction SilentlyContinue -Path @(
        "${env:ProgramFiles(x86)}\Inno Setup *\ISCC.exe", "$env:ProgramFiles\Inno Setup *\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup *\ISCC.exe") |
        Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
}
if (-not $iscc) { throw "Inno Setup not found: install it (choco install innosetup) or put ISCC.exe on PATH" }
Invoke-Checked $iscc @("/Q", "/DAppVersion=$version", "installers\windows\mentordesk.iss")
Write-Host "built dist\mentordesk-$version-windows-x64-setup.exe"
