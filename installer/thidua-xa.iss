; Inno Setup script: installs dist\thidua-xa per user (no administrator rights needed in a commune office).
[Setup]
AppName=Kế hoạch Thi đua xã
AppVersion=0.1.0
DefaultDirName={localappdata}\Programs\thidua-xa
DefaultGroupName=Kế hoạch Thi đua xã
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=thidua-xa-setup
Compression=lzma2
SolidCompression=yes

[Languages]
; Vietnamese is not among the languages Inno Setup installs; build.ps1 fetches it and defines Vietnamese.
#ifdef Vietnamese
Name: "vi"; MessagesFile: "Vietnamese.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Files]
Source: "..\dist\thidua-xa\*"; DestDir: "{app}"; Flags: recursesubdirs

; The user's data (%LOCALAPPDATA%\thidua-xa) are outside {app}: neither an update nor the uninstaller touches them.

[Icons]
Name: "{group}\Kế hoạch Thi đua xã"; Filename: "{app}\thidua-xa.exe"
Name: "{userdesktop}\Kế hoạch Thi đua xã"; Filename: "{app}\thidua-xa.exe"
