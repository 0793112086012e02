; Inno Setup 6 script: the MentorDesk installer for Windows.
;
;   iscc /DAppVersion=0.1.0 installers\windows\mentordesk.iss
;
; Packs the PyInstaller one-folder build (dist\mentordesk, from installers\mentordesk.spec) into
; dist\mentordesk-<version>-windows-x64-setup.exe. The installer asks whether to install for the
; current user only (no administrator rights; %LOCALAPPDATA%\Programs) or for everyone
; (Program Files); /CURRENTUSER or /ALLUSERS choose on the command line, e.g. for a silent
; install with /VERYSILENT. It adds a Start-menu shortcut, optionally a desktop one, and makes
; MentorDesk the program for .mentordesk event files. Uninstalling removes the program folder,
; the shortcuts and every registry key it wrote; event files, preferences and automatic backups
; (in the user's own folders) are left alone.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z mentordesk.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\mentordesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef SetupIcon
  ; Made from resources\icons by build-windows.ps1 (generated, not kept in git).
  #define SetupIcon "..\..\build\mentordesk.ico"
#endif

#define AppName "MentorDesk"
#define AppExe "mentordeskw.exe"
#define ProgId "MentorDesk.Event"

[Setup]
; The AppId identifies the installation across versions: never change it.
AppId={{C7A30B68-1CF6-4A46-8847-BE20E44F5618}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MentorDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user by default, so that a coordinator on a locked-down school PC can install it; the
; dialog offers "for all users" to whoever has administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 or later, as Qt 6 requires.
MinVersion=10.0.17763
ChangesAssociations=yes
ChangesEnvironment=yes
CloseApplications=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile={#SetupIcon}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputDir={#OutputDir}
OutputBaseFilename=mentordesk-{#AppVersion}-windows-x64-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the mentordesk command to PATH (for scripts and the command line)"; Flags: unchecked

[InstallDelete]
; A new version replaces the old program files wholesale: a module left over from an older
; build must never be picked up by a newer one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Run mentoring events offline"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The .mentordesk file type. HKA is HKCU for a per-user install and HKLM for an all-users one;
; every key and value below is removed again on uninstall (uninsdelete*).
Root: HKA; Subkey: "Software\Classes\.mentordesk"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.mentordesk"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-mentordesk"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.mentordesk\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "MentorDesk event"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --event ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".mentordesk"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --event ""%1"""
; The command-line folder on PATH (task "addtopath"): the user's PATH for a per-user install, the
; machine's for an all-users one. Uninstalling takes the folder out again ([Code] below).
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: (not IsAdminInstallMode) and PathLacks(ExpandConstant('{app}'))
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: IsAdminInstallMode and PathLacks(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything the program folder gained after installation (nothing is expected: MentorDesk keeps
; its data in the user's folders) goes with it.
Type: filesandordirs; Name: "{app}"

[Code]
function EnvironmentRoot: Integer;
begin
  if IsAdminInstallMode then
    Result := HKEY_LOCAL_MACHINE
  else
    Result := HKEY_CURRENT_USER;
end;

function EnvironmentKey: String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

{ Where Dir starts in the ';'-separated Path (1-based), or 0 when it is not there. }
function PathPosition(Path, Dir: String): Integer;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';');
end;

function PathLacks(Dir: String): Boolean;
var
  Path: String;
begin
  if RegQueryStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Path) then
    Result := PathPosition(Path, Dir) = 0
  else
    Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: String;
  Start: Integer;
begin
  if CurUninstallStep <> usUninstall then
    exit;
  Dir := ExpandConstant('{app}');
  if not RegQueryStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Path) then
    exit;
  Start := PathPosition(Path, Dir);
  if Start = 0 then
    exit;
  { Remove the folder together with one separator: the one before it, or after it when first. }
  if Start > 1 then
    Delete(Path, Start - 1, Length(Dir) + 1)
  else
    Delete(Path, 1, Length(Dir) + 1);
  RegWriteExpandStringValue(EnvironmentRoot, EnvironmentKey, 'Path', Path);
end;
